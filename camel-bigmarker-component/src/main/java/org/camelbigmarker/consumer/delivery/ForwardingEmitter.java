package org.camelbigmarker.consumer.delivery;

import java.util.List;

/** An emitter that hands everything to another, for one that changes only some of what an emitter does. */
public abstract class ForwardingEmitter implements Emitter {

    protected final Emitter delegate;

    protected ForwardingEmitter(Emitter delegate) {
        this.delegate = delegate;
    }

    @Override
    public DeliveryRound newRound(Runnable progress) {
        return delegate.newRound(progress);
    }

    @Override
    public boolean emit(List<FeedItem> items, DeliveryRound round) throws Exception {
        return delegate.emit(items, round);
    }

    @Override
    public ItemStates items() {
        return delegate.items();
    }
}

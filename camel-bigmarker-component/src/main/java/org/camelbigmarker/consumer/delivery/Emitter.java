package org.camelbigmarker.consumer.delivery;

import java.util.List;

/** Where a feed hands its new items: the consumer, which turns them into exchanges and tracks their delivery. */
public interface Emitter {

    /** A round whose progress step runs once its exchanges are confirmed and recorded (see {@link DeliveryRound}). */
    DeliveryRound newRound(Runnable progress);

    /**
     * Delivers one page's new items as one batch; {@code round} waits for each of them.
     *
     * @return false when the poll's budget (maxMessagesPerPoll) is used up or the consumer is stopping: the feed then
     *         stops fetching and leaves its state unchanged
     */
    boolean emit(List<FeedItem> items, DeliveryRound round) throws Exception;

    /** Where items stand and how to wait for them: the delivery ledger. */
    ItemStates items();
}

package org.camelbigmarker.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultExchange;
import org.camelbigmarker.consumer.delivery.Claims;
import org.camelbigmarker.consumer.delivery.DeliveryLedger;
import org.camelbigmarker.consumer.delivery.DeliveryRound;
import org.camelbigmarker.consumer.delivery.Emitter;
import org.camelbigmarker.consumer.delivery.FeedItem;
import org.camelbigmarker.consumer.delivery.ItemStates;
import org.camelbigmarker.state.ConsumerStore;

/**
 * A feed's consumer for unit tests of the feeds: every item goes through a real {@link DeliveryLedger} (claimed,
 * tracked, recorded) into a "route" that completes at once, or fails for the keys a test names. No Camel route.
 */
public final class ImmediateEmitter implements Emitter, AutoCloseable {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final DeliveryLedger ledger;
    /** What the route received, in order: every delivered item. */
    public final List<FeedItem> delivered = new CopyOnWriteArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    public ImmediateEmitter(ConsumerStore store, Clock clock) {
        RecordingExceptionHandler failures = new RecordingExceptionHandler();
        this.ledger = new DeliveryLedger(store, clock, Duration.ofMinutes(5), 0, () -> failures);
    }

    /** The route fails for items whose key ends with {@code keyEnd}, until {@link #healed}. */
    public void failFor(String keyEnd) {
        failing.add(keyEnd);
    }

    public void healed() {
        failing.clear();
    }

    public List<String> keys() {
        return delivered.stream().map(FeedItem::key).toList();
    }

    @Override
    public DeliveryRound newRound(Runnable progress) {
        return new DeliveryRound(() -> {
            ledger.record();
            progress.run();
        });
    }

    @Override
    public boolean emit(List<FeedItem> items, DeliveryRound round) {
        Claims.Claim claim = ledger.claim(items.stream().map(FeedItem::key).toList());
        for (FeedItem item : items) {
            if (!ledger.keepForRoute(claim, item.key())) {
                round.expectOne();
                round.failedOne();
                continue;
            }
            Synchronization done = ledger.track(item, claim, round, "poll");
            Exchange exchange = new DefaultExchange(camel);
            if (failing.stream().anyMatch(item.key()::endsWith)) {
                exchange.setException(new IllegalStateException("the route failed for " + item.key()));
                done.onFailure(exchange);
            } else {
                delivered.add(item);
                done.onComplete(exchange);
            }
        }
        ledger.record();
        return true;
    }

    @Override
    public ItemStates items() {
        return ledger;
    }

    @Override
    public void close() {
        camel.stop();
    }
}

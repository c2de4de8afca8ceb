package org.camelbigmarker.consumer.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.camelbigmarker.metrics.ConsumerMeters;

/**
 * How often each item's route failed here, and what a failure means: delivered again on the next poll, or, at
 * {@code maxDeliveryAttempts} (0: never), a poison item given up on. Each failure is reported through the consumer's
 * exception handler, which routes it to the route's error handler with bridgeErrorHandler=true.
 */
final class Attempts {

    private final int maxAttempts;
    private final Supplier<ExceptionHandler> failures;
    private final Supplier<ConsumerMeters> meters;
    private final Map<String, Integer> failed = new ConcurrentHashMap<>();
    private volatile GivenUpItems givenUp;

    Attempts(int maxAttempts, Supplier<ExceptionHandler> failures, Supplier<ConsumerMeters> meters) {
        this.maxAttempts = maxAttempts;
        this.failures = failures;
        this.meters = meters;
    }

    /** Where items given up on are kept for an operator (none: only reported). */
    void keepGivenUpIn(GivenUpItems givenUp) {
        this.givenUp = givenUp;
    }

    /**
     * An item's exchange failed: counted, and let come again, or given up on ({@code recordAsDelivered}). An item an
     * operator redelivered is given up on again at once: no read brings it back.
     */
    void failed(FeedItem item, String path, Exchange exchange, Runnable retryLater, Runnable recordAsDelivered) {
        meters.get().deliveryFailed();
        IntConsumer giveUp = count -> {
            GivenUpItems keep = givenUp;
            if (keep != null) {
                keep.keep(item, count, exchange.getException());
            }
            meters.get().givenUp();
            recordAsDelivered.run();
        };
        if (ConsumerMeters.REDELIVERY.equals(path)) {
            giveUp.accept(failed.merge(item.key(), 1, Integer::sum));
            return;
        }
        failed(item.key(), exchange, retryLater, giveUp);
    }

    /** The attempt an item's next delivery is (1 for the first). */
    int next(String key) {
        return failed.getOrDefault(key, 0) + 1;
    }

    /** The item was delivered: its count is over. */
    void succeeded(String key) {
        failed.remove(key);
    }

    /**
     * Counts a failure, then lets the item come again ({@code retryLater}) or gives up on it at maxDeliveryAttempts
     * ({@code giveUp}: a poison item is recorded as delivered so that the consumer moves on), and reports what was done.
     */
    void failed(String key, Exchange exchange, Runnable retryLater, IntConsumer giveUp) {
        int attempts = failed.merge(key, 1, Integer::sum);
        if (maxAttempts > 0 && attempts >= maxAttempts) {
            giveUp.accept(attempts);
            failures.get().handleException("BigMarker item " + key + " failed " + attempts + " times"
                                           + " (maxDeliveryAttempts); giving up on it: it is kept for an operator to"
                                           + " redeliver (docs/operations.md)", exchange, exchange.getException());
            return;
        }
        retryLater.run();
        if (exchange.getException() != null) {
            failures.get().handleException("BigMarker item " + key + " was not delivered (attempt " + attempts
                                           + "); it will be delivered again on the next poll", exchange,
                    exchange.getException());
        }
    }
}

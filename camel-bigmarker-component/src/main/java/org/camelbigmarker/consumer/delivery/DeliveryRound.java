package org.camelbigmarker.consumer.delivery;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The exchanges that together allow one step of progress, such as moving a cursor or marking a report delivered.
 * <p>
 * <b>The consumers' invariant: progress is made only from recorded state, never from a guess that a poll was
 * complete.</b> The step runs once, only after the read behind it was sealed as proven complete, and every exchange
 * that joined the round (the items this poll sent, and items an earlier poll is still delivering that this poll met)
 * completed successfully. A failure, an unfinished or unproven read leaves the state as it was, so the next poll
 * reads the same items again. Exchanges may complete on other threads (asynchronous routes), so counts are atomic.
 */
public final class DeliveryRound {

    private final Runnable onSuccess;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean failed = new AtomicBoolean();
    private final AtomicBoolean sealed = new AtomicBoolean();
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile boolean fetchedEverything;

    public DeliveryRound(Runnable onSuccess) {
        this.onSuccess = onSuccess;
    }

    public void expectOne() {
        pending.incrementAndGet();
    }

    public void completedOne() {
        if (pending.decrementAndGet() == 0) {
            finishIfPossible();
        }
    }

    public void failedOne() {
        failed.set(true);
        pending.decrementAndGet();
    }

    /** No more exchanges will join. {@code complete}: everything was fetched, nothing was cut short. */
    public void seal(boolean complete) {
        fetchedEverything = complete;
        sealed.set(true);
        finishIfPossible();
    }

    public boolean failed() {
        return failed.get();
    }

    private void finishIfPossible() {
        if (sealed.get() && fetchedEverything && pending.get() == 0 && !failed.get() && done.compareAndSet(false, true)) {
            onSuccess.run();
        }
    }
}

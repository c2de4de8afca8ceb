package org.camelbigmarker.client;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests one account (a base URL and its credentials) may send: at most {@code perMinute}, spaced evenly
 * ({@code 60 s / perMinute} apart, never in bursts), so that a server limiting requests per key over any minute never
 * answers 429 to requests it paced, however many endpoints send them. Requests of producers ({@link
 * RequestPriority#FOREGROUND}) take the next free slot before any waiting background request (consumers' polls,
 * reconciliations, report reads): a poll slows down, a write does not queue behind it.
 * <p>
 * Every attempt takes a slot, repeats included. Time is read from the component's clock and waited for through the
 * {@link BigMarkerClient.Sleeper}, so tests and simulations drive it.
 */
public final class RequestBudget {

    private final int perMinute;
    private final long intervalNanos;
    private final Clock clock;
    private final BigMarkerClient.Sleeper sleeper;
    private final AtomicLong waits = new AtomicLong();
    private final AtomicLong waitedMillis = new AtomicLong();

    /** The earliest instant (epoch nanoseconds) the next request may leave. Guarded by this. */
    private long nextSlotNanos = Long.MIN_VALUE;
    /** Foreground requests waiting for a slot; background ones give way while any does. Guarded by this. */
    private int waitingForeground;

    public RequestBudget(int perMinute, Clock clock, BigMarkerClient.Sleeper sleeper) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("requestsPerMinute must be 1 or more, was " + perMinute);
        }
        this.perMinute = perMinute;
        this.intervalNanos = TimeUnit.MINUTES.toNanos(1) / perMinute;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Waits until a request of this priority may leave, and takes its slot; returns the milliseconds it waited. */
    public long take(RequestPriority priority) throws InterruptedIOException {
        boolean foreground = priority == RequestPriority.FOREGROUND;
        long began = nowNanos();
        synchronized (this) {
            waitingForeground += foreground ? 1 : 0;
        }
        try {
            for (;;) {
                long wait = tryTake(foreground);
                if (wait == 0) {
                    break;
                }
                sleeper.sleep(TimeUnit.NANOSECONDS.toMillis(wait + 999_999));
            }
        } finally {
            synchronized (this) {
                waitingForeground -= foreground ? 1 : 0;
            }
        }
        long waited = TimeUnit.NANOSECONDS.toMillis(nowNanos() - began);
        if (waited > 0) {
            waits.incrementAndGet();
            waitedMillis.addAndGet(waited);
        }
        return waited;
    }

    /** Takes the slot and returns 0 when it is free and this request's turn; else the nanoseconds to wait first. */
    private synchronized long tryTake(boolean foreground) {
        long now = nowNanos();
        if (nextSlotNanos > now) {
            return nextSlotNanos - now;
        }
        if (!foreground && waitingForeground > 0) {
            return intervalNanos; // a producer's request is about to take this slot: look again after it
        }
        nextSlotNanos = now + intervalNanos;
        return 0;
    }

    private long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Requests that had to wait for their slot. */
    public long waits() {
        return waits.get();
    }

    /** Milliseconds requests spent waiting for their slots, in all. */
    public long waitedMillis() {
        return waitedMillis.get();
    }

    /** For operators (the bigmarker dev console): the account's budget and what waiting for it cost so far. */
    public Map<String, Object> asMap() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("requestsPerMinute", perMinute);
        view.put("budgetWaits", waits());
        view.put("budgetWaitedMillis", waitedMillis());
        return view;
    }
}

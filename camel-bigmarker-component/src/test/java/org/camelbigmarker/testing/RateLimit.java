package org.camelbigmarker.testing;

import java.time.Clock;
import java.util.ArrayDeque;

/**
 * A server's rate limit, as APIs that have one apply it: at most {@code perMinute} requests in any 60 seconds of the
 * clock (whole seconds); beyond, a request is refused with the seconds until the oldest counted one leaves the window,
 * what such a server sends as Retry-After.
 */
public final class RateLimit {

    private final int perMinute;
    private final Clock clock;
    private final ArrayDeque<Long> lastMinute = new ArrayDeque<>();
    private long refused;

    public RateLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** 0 when the request is accepted (and counted); else the seconds to wait, the request refused. */
    public synchronized long admit() {
        long now = clock.instant().getEpochSecond();
        while (!lastMinute.isEmpty() && lastMinute.peekFirst() <= now - 60) {
            lastMinute.pollFirst();
        }
        if (lastMinute.size() >= perMinute) {
            refused++;
            return lastMinute.peekFirst() + 60 - now;
        }
        lastMinute.addLast(now);
        return 0;
    }

    /** The requests refused so far. */
    public synchronized long refused() {
        return refused;
    }
}

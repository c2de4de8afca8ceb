package org.camelbigmarker.consumer.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What time a time-filtered read's cursor records: the earlier of BigMarker's clock (its {@code Date} header) and
 * this machine's. A {@code Date} running ahead of the items' own times (a server clock or time-zone slip) would
 * otherwise set the next read's {@code start_time} past items registered meanwhile, and nothing but the hourly
 * reconciliation would see them; taking the earlier clock keeps them in the next read as long as one of the two
 * clocks is not ahead. A {@code Date} behind only makes reads reach further back, which the store keeps from
 * delivering twice. A skew beyond {@link #NOTICED} is said once in the log, and shown to operators.
 */
final class CursorClock {

    /** Skews smaller than this are ordinary (network time, rounding to seconds) and not mentioned. */
    static final Duration NOTICED = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(CursorClock.class);

    private final Clock local;
    private final String scope;
    private final AtomicBoolean said = new AtomicBoolean();
    private volatile Duration lastSkew;

    CursorClock(Clock local, String scope) {
        this.local = local;
        this.scope = scope;
    }

    /** The cursor time for a read BigMarker answered with {@code date}; null when the answer carried no Date. */
    Instant cursorTime(Instant date) {
        if (date == null) {
            return null;
        }
        Instant here = local.instant();
        Duration skew = Duration.between(here, date);
        lastSkew = skew;
        if (skew.abs().compareTo(NOTICED) > 0 && said.compareAndSet(false, true)) {
            LOG.warn("BigMarker's clock (its Date header) is {} s {} this machine's clock, read for {}: the consumer"
                     + " sets its cursor by the earlier of the two so that no item is held back; check both clocks",
                    skew.abs().getSeconds(), skew.isNegative() ? "behind" : "ahead of", scope);
        }
        return date.isBefore(here) ? date : here;
    }

    /** BigMarker's Date minus this machine's clock at the last read, in seconds; null before any read with a Date. */
    Long skewSeconds() {
        Duration skew = lastSkew;
        return skew == null ? null : skew.getSeconds();
    }
}

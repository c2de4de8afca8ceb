package org.camelbigmarker.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until the test moves it: time in a test is driven, never waited for. */
public final class DrivenClock extends Clock {

    private volatile Instant now;

    public DrivenClock(Instant start) {
        this.now = start;
    }

    public DrivenClock() {
        this(Instant.now());
    }

    /** Puts the clock at {@code instant}: a test that starts in the past, to be moved to the present. */
    public synchronized void set(Instant instant) {
        now = instant;
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}

package org.camelbigmarker.consumer.feed;

import java.time.Clock;
import java.time.Duration;

/**
 * How a list feed reads: where it starts without saved state, how far each read reaches back before the cursor, the
 * most pages one read may take, and how often and how far back the whole horizon is read again (reconciliation).
 *
 * @param reconcileInterval how often the horizon is read again; zero: never
 * @param reconcileHorizon  how far back before the cursor a reconciliation reads
 * @param clock             the local clock schedules are measured by (the component's: tests drive it)
 */
public record ReadSettings(StartFrom startFrom, Duration overlap, int maxPages, Duration reconcileInterval,
        Duration reconcileHorizon, Clock clock) {

    /** The same, reaching further back each read (conference lifecycle lists: a conference may last a day). */
    public ReadSettings withOverlap(Duration longerOverlap) {
        return new ReadSettings(startFrom, longerOverlap, maxPages, reconcileInterval, reconcileHorizon, clock);
    }

    boolean reconciles() {
        return !reconcileInterval.isZero() && !reconcileInterval.isNegative();
    }
}

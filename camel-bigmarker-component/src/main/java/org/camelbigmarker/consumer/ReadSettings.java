package org.camelbigmarker.consumer;

import java.time.Duration;

import org.camelbigmarker.BigMarkerConfiguration;

/**
 * How a list feed reads: where it starts without saved state, how far each read reaches back before the cursor, the
 * most pages one read may take, and how often and how far back the whole horizon is read again (reconciliation).
 *
 * @param reconcileInterval how often the horizon is read again; zero: never
 * @param reconcileHorizon  how far back before the cursor a reconciliation reads
 */
record ReadSettings(StartFrom startFrom, Duration overlap, int maxPages, Duration reconcileInterval,
        Duration reconcileHorizon) {

    static ReadSettings of(BigMarkerConfiguration configuration) {
        return new ReadSettings(StartFrom.parse(configuration.getStartFrom()),
                Duration.ofSeconds(configuration.getOverlap()), configuration.getMaxPages(),
                Duration.ofSeconds(configuration.getReconcileInterval()),
                Duration.ofSeconds(configuration.getReconcileHorizon()));
    }

    /** The same, reaching further back each read (conference lifecycle lists: a conference may last a day). */
    ReadSettings withOverlap(Duration longerOverlap) {
        return new ReadSettings(startFrom, longerOverlap, maxPages, reconcileInterval, reconcileHorizon);
    }

    boolean reconciles() {
        return !reconcileInterval.isZero() && !reconcileInterval.isNegative();
    }
}

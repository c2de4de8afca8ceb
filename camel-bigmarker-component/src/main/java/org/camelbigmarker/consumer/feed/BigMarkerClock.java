package org.camelbigmarker.consumer.feed;

import java.time.Instant;

import org.camelbigmarker.client.ApiResponse;

/**
 * BigMarker's clock as its answers last told it (their Date header), shared by the parts of one consumer: report
 * deadlines are measured by it, never by the local clock.
 */
public final class BigMarkerClock {

    private volatile Instant latest;

    /** Notes the answer's time, if it carries one. */
    void saw(Instant serverTime) {
        if (serverTime != null) {
            latest = serverTime;
        }
    }

    ApiResponse saw(ApiResponse response) {
        saw(response.serverTime());
        return response;
    }

    /** The latest time seen, or null when no answer carried one. */
    Instant now() {
        return latest;
    }

    /** The latest time seen in Unix seconds, or 0 when unknown. */
    long nowSeconds() {
        Instant now = latest;
        return now != null ? now.getEpochSecond() : 0;
    }
}

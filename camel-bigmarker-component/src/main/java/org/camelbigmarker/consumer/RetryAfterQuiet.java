package org.camelbigmarker.consumer;

import java.time.Clock;
import java.time.Instant;

import org.camelbigmarker.client.BigMarkerApiException;

/**
 * The quiet BigMarker asked for with its last Retry-After: no poll until it has passed, so that a 429 asking for a
 * minute of quiet gets it across polls, not only inside one.
 */
final class RetryAfterQuiet {

    private final Clock clock;
    private volatile Instant until;

    RetryAfterQuiet(Clock clock) {
        this.clock = clock;
    }

    boolean quietNow() {
        Instant quiet = until;
        return quiet != null && clock.instant().isBefore(quiet);
    }

    /** Takes note of a failed poll: a throttling answer with a Retry-After starts a quiet period. */
    void failed(BigMarkerApiException failure) {
        if (failure.isThrottled() && failure.getRetryAfterMillis() > 0) {
            until = clock.instant().plusMillis(failure.getRetryAfterMillis());
        }
    }

    /** When the quiet ends, for operators; null when none was asked for. */
    String until() {
        Instant quiet = until;
        return quiet == null ? null : quiet.toString();
    }
}

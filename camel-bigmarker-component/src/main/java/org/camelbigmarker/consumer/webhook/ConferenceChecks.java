package org.camelbigmarker.consumer.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a webhook consumer that follows many conferences (a channel's, the account's) lists them again to set its
 * webhook on new ones: each look costs a request per 100 conferences, so it is made every
 * {@code webhookConferenceCheckInterval}, not at every poll; the poll delivers a new conference's items until then.
 * The start has just looked. A look that failed is due again at the next poll.
 */
final class ConferenceChecks {

    private final Clock clock;
    private final Duration interval;
    private Instant next;

    ConferenceChecks(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
        this.next = clock.instant().plus(interval);
    }

    synchronized boolean due() {
        return !clock.instant().isBefore(next);
    }

    synchronized void looked() {
        next = clock.instant().plus(interval);
    }
}

package org.camelbigmarker.consumer;

import java.time.Duration;
import java.time.Instant;

import org.camelbigmarker.client.BigMarkerApiException;
import org.camelbigmarker.testing.DrivenClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A 429 with Retry-After gets its quiet across polls; other failures start none. */
class RetryAfterQuietTest {

    private final DrivenClock clock = new DrivenClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final RetryAfterQuiet quiet = new RetryAfterQuiet(clock);

    @Test
    void aThrottlingAnswerWithRetryAfterKeepsThePollsQuietUntilItPassed() {
        quiet.failed(new BigMarkerApiException("listRegistrations", 429, "throttled", "slow down", 60_000));
        assertThat(quiet.quietNow()).isTrue();
        assertThat(quiet.until()).isEqualTo("2026-12-01T10:01:00Z");
        clock.advance(Duration.ofSeconds(59));
        assertThat(quiet.quietNow()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(quiet.quietNow()).isFalse();
    }

    @Test
    void otherFailuresStartNoQuiet() {
        quiet.failed(new BigMarkerApiException("listRegistrations", 500, "error", "boom", 60_000));
        quiet.failed(new BigMarkerApiException("listRegistrations", 429, "throttled", "no Retry-After", 0));
        assertThat(quiet.quietNow()).isFalse();
        assertThat(quiet.until()).isNull();
    }
}

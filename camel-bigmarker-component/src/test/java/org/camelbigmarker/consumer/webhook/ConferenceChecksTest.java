package org.camelbigmarker.consumer.webhook;

import java.time.Duration;
import java.time.Instant;

import org.camelbigmarker.testing.DrivenClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** New conferences are looked for every interval from the start's look; a look that failed is due again. */
class ConferenceChecksTest {

    private final DrivenClock clock = new DrivenClock(Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void aLookIsDueAnIntervalAfterTheLastOne() {
        ConferenceChecks checks = new ConferenceChecks(clock, Duration.ofHours(1));
        assertThat(checks.due()).as("the start has just looked").isFalse();
        clock.advance(Duration.ofMinutes(59));
        assertThat(checks.due()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(checks.due()).isTrue();
        assertThat(checks.due()).as("not looked yet: still due").isTrue();
        checks.looked();
        assertThat(checks.due()).isFalse();
    }

    @Test
    void anIntervalOfZeroLooksAtEveryPoll() {
        ConferenceChecks checks = new ConferenceChecks(clock, Duration.ZERO);
        assertThat(checks.due()).isTrue();
        checks.looked();
        assertThat(checks.due()).isTrue();
    }
}

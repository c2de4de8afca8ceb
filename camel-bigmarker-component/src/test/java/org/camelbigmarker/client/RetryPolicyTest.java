package org.camelbigmarker.client;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bounded repeats: how many, how long between, and what a Retry-After may ask. */
class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theWaitDoublesUpToTheLongest() {
        RetryPolicy policy = new RetryPolicy(5, 500, 3000);
        assertThat(policy.backoffMillis(0)).isEqualTo(500);
        assertThat(policy.backoffMillis(1)).isEqualTo(1000);
        assertThat(policy.backoffMillis(3)).isEqualTo(3000);
        assertThat(policy.backoffMillis(60)).as("no overflow").isEqualTo(3000);
        assertThat(policy.allowsAnotherAttempt(4)).isTrue();
        assertThat(policy.allowsAnotherAttempt(5)).isFalse();
    }

    @Test
    void retryAfterInSecondsOrAsADate() {
        assertThat(RetryPolicy.retryAfterMillis("120", NOW)).isEqualTo(120_000);
        assertThat(RetryPolicy.retryAfterMillis("Tue, 01 Dec 2026 10:00:30 GMT", NOW)).isEqualTo(30_000);
        assertThat(RetryPolicy.retryAfterMillis("Tue, 01 Dec 2026 09:00:00 GMT", NOW)).as("in the past").isZero();
    }

    @Test
    void nothingAServerSaysMakesAWaitLongerThanADayOrFailsTheRead() {
        assertThat(RetryPolicy.retryAfterMillis("172800", NOW)).as("two days").isEqualTo(86_400_000);
        assertThat(RetryPolicy.retryAfterMillis("99999999999999999999", NOW)).isEqualTo(86_400_000);
        assertThat(RetryPolicy.retryAfterMillis("soon", NOW)).isZero();
        assertThat(RetryPolicy.retryAfterMillis(null, NOW)).isZero();
        assertThat(RetryPolicy.retryAfterMillis("-5", NOW)).isZero();
    }

    @Test
    void negativeSettingsAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(-1, 0, 0)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> new RetryPolicy(1, -1, 0)).hasMessageContaining("delays");
    }
}

package org.camelbigmarker.consumer.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camelbigmarker.state.MemoryConsumerStore;
import org.camelbigmarker.testing.DrivenClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims in the store, one owner per delivery, on the driven clock: how long they hold, renewal, purging. */
class ClaimsTest {

    private final DrivenClock clock = new DrivenClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final AtomicInteger purges = new AtomicInteger();
    private final MemoryConsumerStore store = new MemoryConsumerStore() {
        @Override
        public void forgetEndedClaims(long nowMillis) {
            purges.incrementAndGet();
            super.forgetEndedClaims(nowMillis);
        }
    };
    private final Claims claims = new Claims(store, clock, Duration.ofSeconds(60));

    @Test
    void aKeyHeldByOneDeliveryIsNotGrantedToAnotherUntilItsClaimEnds() {
        Claims.Claim first = claims.newDelivery();
        claims.take(first, List.of("k"));
        assertThat(first.granted("k")).isTrue();

        Claims.Claim second = claims.newDelivery();
        claims.take(second, List.of("k"));
        assertThat(second.granted("k")).as("the same node, another delivery").isFalse();

        clock.advance(Duration.ofSeconds(61));
        Claims.Claim third = claims.newDelivery();
        claims.take(third, List.of("k"));
        assertThat(third.granted("k")).as("the first claim ended").isTrue();
    }

    @Test
    void aClaimIsDueForRenewalOnceATenthOfItsTimeHasPassed() {
        Claims.Claim claim = claims.newDelivery();
        claims.take(claim, List.of("k"));
        clock.advance(Duration.ofSeconds(5));
        assertThat(claims.dueForRenewal(claim)).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(claims.dueForRenewal(claim)).isTrue();
        claims.renew(claim, List.of("k"));
        assertThat(claims.dueForRenewal(claim)).as("renewed for another claimTimeout").isFalse();
        assertThat(claim.granted("k")).isTrue();
    }

    @Test
    void aRenewalDropsTheKeysAnotherDeliveryTookMeanwhile() {
        Claims.Claim slow = claims.newDelivery();
        claims.take(slow, List.of("a", "b"));
        clock.advance(Duration.ofSeconds(61)); // the slow delivery's claim ended
        Claims.Claim other = claims.newDelivery();
        claims.take(other, List.of("b"));
        claims.renew(slow, List.of("a", "b"));
        assertThat(slow.granted("a")).isTrue();
        assertThat(slow.granted("b")).as("taken by the other delivery").isFalse();
    }

    @Test
    void aReleasedKeyIsFreeAtOnce() {
        Claims.Claim first = claims.newDelivery();
        claims.take(first, List.of("k"));
        claims.release("k", first);
        Claims.Claim second = claims.newDelivery();
        claims.take(second, List.of("k"));
        assertThat(second.granted("k")).isTrue();
    }

    @Test
    void endedClaimsArePurgedAtMostOncePerClaimLifetime() {
        claims.forgetEnded();
        claims.forgetEnded();
        clock.advance(Duration.ofSeconds(59));
        claims.forgetEnded();
        assertThat(purges).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        claims.forgetEnded();
        assertThat(purges).hasValue(2);
    }

    @Test
    void theRenewalTimerRunsWellInsideTheRenewalMargin() {
        assertThat(claims.renewalPeriodMillis()).isEqualTo(3000); // half of the 10% margin of a minute
        assertThat(new Claims(store, clock, Duration.ofMillis(500)).renewalPeriodMillis()).isEqualTo(100);
    }

    @Test
    void theStoreCheckLeavesNothingBehind() {
        claims.checkStoreRecords("probe");
        assertThat(store.deliveredCount()).isZero();
        Claims.Claim claim = claims.newDelivery();
        claims.take(claim, List.of("probe"));
        assertThat(claim.granted("probe")).as("its claim was released").isTrue();
    }
}

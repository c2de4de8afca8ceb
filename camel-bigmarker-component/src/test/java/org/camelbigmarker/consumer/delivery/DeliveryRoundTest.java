package org.camelbigmarker.consumer.delivery;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress only from recorded state: once, after a complete read whose every exchange completed. */
class DeliveryRoundTest {

    private final AtomicInteger progress = new AtomicInteger();
    private final DeliveryRound round = new DeliveryRound(progress::incrementAndGet);

    @Test
    void progressWaitsForTheSealAndForEveryExchange() {
        round.expectOne();
        round.expectOne();
        round.completedOne();
        round.seal(true);
        assertThat(progress).as("one exchange still running").hasValue(0);
        round.completedOne();
        assertThat(progress).hasValue(1);
    }

    @Test
    void progressRunsOnceOnly() {
        round.seal(true);
        round.seal(true);
        round.expectOne();
        round.completedOne();
        assertThat(progress).hasValue(1);
    }

    @Test
    void aReadNotProvenCompleteMakesNoProgress() {
        round.expectOne();
        round.completedOne();
        round.seal(false);
        assertThat(progress).hasValue(0);
    }

    @Test
    void oneFailedExchangeMakesNoProgressWhateverTheOthersDo() {
        round.expectOne();
        round.expectOne();
        round.failedOne();
        round.completedOne();
        round.seal(true);
        assertThat(progress).hasValue(0);
        assertThat(round.failed()).isTrue();
    }

    @Test
    void anExchangeCompletingAfterTheSealStillCounts() {
        round.expectOne();
        round.seal(true);
        assertThat(progress).hasValue(0);
        round.completedOne();
        assertThat(progress).hasValue(1);
    }
}

package org.camelbigmarker.consumer.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.camelbigmarker.testing.RecordingExceptionHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Attempts per item: counted, reported, given up at maxDeliveryAttempts (0: never), forgotten once delivered. */
class AttemptsTest {

    private static final java.util.function.Supplier<org.camelbigmarker.metrics.ConsumerMeters> NO_METERS =
            () -> org.camelbigmarker.metrics.ConsumerMeters.none(java.time.Clock.systemUTC());

    private final RecordingExceptionHandler handler = new RecordingExceptionHandler();
    private final List<String> reported = handler.messages;
    private final List<String> actions = new CopyOnWriteArrayList<>();

    private Exchange failed() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setException(new IllegalStateException("boom"));
        return exchange;
    }

    private void fail(Attempts attempts) {
        attempts.failed("k", failed(), () -> actions.add("retry"), count -> actions.add("give up"));
    }

    @Test
    void failuresAreCountedAndTheItemGivenUpAtTheLimitAfterItIsRecorded() {
        Attempts attempts = new Attempts(2, () -> handler, NO_METERS);
        assertThat(attempts.next("k")).isEqualTo(1);
        fail(attempts);
        assertThat(attempts.next("k")).isEqualTo(2);
        fail(attempts);
        assertThat(actions).containsExactly("retry", "give up");
        assertThat(reported).hasSize(2);
        assertThat(reported.get(1)).contains("failed 2 times").contains("giving up");
    }

    @Test
    void zeroMeansNeverGiveUp() {
        Attempts attempts = new Attempts(0, () -> handler, NO_METERS);
        for (int i = 0; i < 50; i++) {
            fail(attempts);
        }
        assertThat(actions).hasSize(50).containsOnly("retry");
    }

    @Test
    void aDeliveredItemStartsCountingAgain() {
        Attempts attempts = new Attempts(3, () -> handler, NO_METERS);
        fail(attempts);
        attempts.succeeded("k");
        assertThat(attempts.next("k")).isEqualTo(1);
    }
}

package org.camelbigmarker.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.camelbigmarker.consumer.delivery.Emitter;
import org.camelbigmarker.consumer.feed.Feed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** An operator's replay and reset: checked, done on the feed, and never at the same time as a poll. */
class OperatorActionsTest {

    private final List<String> done = new CopyOnWriteArrayList<>();
    private final Feed feed = new Feed() {
        @Override
        public int poll(Emitter emitter) {
            return 0;
        }

        @Override
        public Map<String, Object> progress() {
            return Map.of();
        }

        @Override
        public String replayFrom(Instant from) {
            done.add("replay from " + from);
            return "replayed";
        }

        @Override
        public String reset() {
            done.add("reset");
            return "reset";
        }
    };
    private final OperatorActions actions = new OperatorActions(() -> feed, () -> "route-1");

    @Test
    void aReplayTakesATimeAndNothingElse() {
        assertThat(actions.replayFrom("2026-12-01T00:00:00Z")).isEqualTo("replayed");
        assertThat(actions.replayFrom("1764547200")).isEqualTo("replayed");
        assertThatThrownBy(() -> actions.replayFrom("now")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replayFrom takes a time");
        assertThat(done).containsExactly("replay from 2026-12-01T00:00:00Z", "replay from 2025-12-01T00:00:00Z");
    }

    @Test
    void whatAFeedCannotDoIsSaidAndAConsumerNotStartedIsNamed() {
        assertThatThrownBy(() -> actions.replayConference("c1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new OperatorActions(() -> null, () -> "route-1").reset())
                .hasMessageContaining("route-1").hasMessageContaining("not started");
    }

    @Test
    void anActionWaitsForThePollInProgress() throws Exception {
        CountDownLatch pollEntered = new CountDownLatch(1);
        CountDownLatch pollMayEnd = new CountDownLatch(1);
        Thread poll = new Thread(() -> {
            try {
                actions.poll(() -> {
                    pollEntered.countDown();
                    pollMayEnd.await();
                    return 0;
                });
            } catch (Exception impossible) {
                throw new IllegalStateException(impossible);
            }
        });
        poll.start();
        pollEntered.await();
        Thread reset = new Thread(actions::reset);
        reset.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> reset.getState() == Thread.State.WAITING);
        assertThat(done).as("not while the poll runs").isEmpty();
        pollMayEnd.countDown();
        reset.join(5000);
        poll.join(5000);
        assertThat(done).containsExactly("reset");
    }
}

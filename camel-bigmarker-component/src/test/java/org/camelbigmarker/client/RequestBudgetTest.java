package org.camelbigmarker.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.camelbigmarker.testing.DrivenClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBudgetTest {

    private final DrivenClock clock = new DrivenClock(Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void requestsLeaveEvenlySpacedNeverInABurst() throws Exception {
        RequestBudget budget = new RequestBudget(120, clock, millis -> clock.advance(Duration.ofMillis(millis)));
        List<Instant> left = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            budget.take(RequestPriority.BACKGROUND);
            left.add(clock.instant());
        }
        assertThat(left.get(0)).as("the first request waits for nothing").isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        for (int i = 1; i < left.size(); i++) {
            assertThat(Duration.between(left.get(i - 1), left.get(i))).isEqualTo(Duration.ofMillis(500));
        }
        assertThat(budget.waits()).isEqualTo(9);
        assertThat(budget.waitedMillis()).isEqualTo(9 * 500);

        clock.advance(Duration.ofMinutes(10)); // idle: no credit builds up, the next two are spaced as ever
        Instant beforeTwo = clock.instant();
        budget.take(RequestPriority.FOREGROUND);
        budget.take(RequestPriority.FOREGROUND);
        assertThat(Duration.between(beforeTwo, clock.instant())).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aProducersRequestTakesTheNextSlotBeforeAWaitingPoll() throws Exception {
        SteppedSleeper sleeper = new SteppedSleeper();
        RequestBudget budget = new RequestBudget(60, clock, sleeper);
        budget.take(RequestPriority.FOREGROUND); // the slot of 10:00:00; the next is 10:00:01
        List<String> order = new CopyOnWriteArrayList<>();
        Thread poll = new Thread(() -> take(budget, RequestPriority.BACKGROUND, order, "poll"), "poll");
        poll.start();
        assertThat(sleeper.nextSleeper()).isEqualTo("poll"); // the poll waits first, for 10:00:01
        Thread write = new Thread(() -> take(budget, RequestPriority.FOREGROUND, order, "write"), "write");
        write.start();
        assertThat(sleeper.nextSleeper()).isEqualTo("write"); // the write arrives later, for the same slot

        clock.advance(Duration.ofSeconds(1));
        sleeper.wake("poll"); // the poll wakes first, and still gives way
        assertThat(sleeper.nextSleeper()).isEqualTo("poll");
        assertThat(order).isEmpty();
        sleeper.wake("write");
        write.join(5000);
        assertThat(order).containsExactly("write@10:00:01Z");

        clock.advance(Duration.ofSeconds(1));
        sleeper.wake("poll");
        poll.join(5000);
        assertThat(order).containsExactly("write@10:00:01Z", "poll@10:00:02Z");
    }

    @Test
    void aBudgetOfLessThanOneRequestIsRefused() {
        assertThatThrownBy(() -> new RequestBudget(0, clock, millis -> {
        })).hasMessageContaining("requestsPerMinute");
    }

    @Test
    void endpointsOfOneAccountShareABudgetAndOtherAccountsHaveTheirOwn() {
        RequestBudgets budgets = new RequestBudgets(30, clock, millis -> {
        });
        RequestBudget first = budgets.of("https://www.bigmarker.com/api/v1", "key key-1");
        assertThat(budgets.of("https://www.bigmarker.com/api/v1", "key key-1")).isSameAs(first);
        assertThat(budgets.of("https://www.bigmarker.com/api/v1", "key key-2")).isNotSameAs(first);
        assertThat(budgets.of("https://sandbox.example/api/v1", "key key-1")).isNotSameAs(first);
        assertThat(budgets.of("https://www.bigmarker.com/api/v1", "login ops@example.com"))
                .isSameAs(budgets.of("https://www.bigmarker.com/api/v1", "login ops@example.com"))
                .isNotSameAs(first);
        assertThat(new RequestBudgets(0, clock, millis -> {
        }).of("https://www.bigmarker.com/api/v1", "key key-1")).as("0 paces nothing").isNull();
    }

    private void take(RequestBudget budget, RequestPriority priority, List<String> order, String name) {
        try {
            budget.take(priority);
            order.add(name + "@" + clock.instant().toString().substring(11));
        } catch (Exception failed) {
            order.add(name + " failed: " + failed);
        }
    }

    /** A sleeper whose sleeping threads the test wakes one by one, after moving the clock itself. */
    private static final class SteppedSleeper implements BigMarkerClient.Sleeper {
        private final BlockingQueue<String> sleepers = new LinkedBlockingQueue<>();
        private final Map<String, Semaphore> wakeUps = new ConcurrentHashMap<>();

        @Override
        public void sleep(long millis) {
            String name = Thread.currentThread().getName();
            Semaphore wakeUp = wakeUps.computeIfAbsent(name, any -> new Semaphore(0));
            sleepers.add(name);
            wakeUp.acquireUninterruptibly();
        }

        String nextSleeper() throws InterruptedException {
            return sleepers.poll(5, TimeUnit.SECONDS);
        }

        void wake(String name) {
            wakeUps.computeIfAbsent(name, any -> new Semaphore(0)).release();
        }
    }
}

package org.camelbigmarker.consumer.feed;

import org.camelbigmarker.testing.DocumentShapedTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumers that are prompt as well as complete, against the document-shaped server on a driven clock (the component
 * shares it): pages capped below the size asked for without totals, a Date header hours off the items' times, reports
 * that become ready late, and an empty answer. Time is moved by the test, never waited for.
 */
class PromptDeliveryTest extends DocumentShapedTestSupport {

    private static List<String> people(String prefix, int count) {
        List<String> emails = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            emails.add(prefix + i + "@example.com");
        }
        return emails;
    }

    @Test
    void pagesCappedBelowTheAskedSizeWithoutTotalsLoseNothingOnThePoll() throws Exception {
        List<String> everyone = people("p", 40);
        server.cappingPagesAt(5).register(everyone.toArray(String[]::new));
        consumer("registrations?operation=listRegistrations&conferenceId=c1&param.per_page=10").poll();
        assertThat(counts(consumer.emails())).containsOnlyKeys(everyone).allSatisfy((email, n) ->
                assertThat(n).isEqualTo(1));
    }

    @Test
    void pagesCappedBelowTheAskedSizeWithoutTotalsLoseNothingOnTheReconciliation() throws Exception {
        server.cappingPagesAt(5);
        consumer("registrations?operation=listRegistrations&conferenceId=c1&param.per_page=10"
                 + "&reconcileInterval=60");
        consumer.poll(); // an empty list: the cursor is set
        List<String> late = people("late", 40);
        // indexed late: by the items' clock an hour before the cursor, beyond the overlap
        server.registerAt(server.clock().instant().minus(Duration.ofHours(1)), late.toArray(String[]::new));
        server.clock().advance(Duration.ofSeconds(10));
        consumer.poll();
        assertThat(consumer.emails()).as("the fast path cannot see them: only the reconciliation can").isEmpty();
        server.clock().advance(Duration.ofSeconds(60));
        consumer.poll();
        assertThat(counts(consumer.emails())).containsOnlyKeys(late).allSatisfy((email, n) ->
                assertThat(n).isEqualTo(1));
    }

    @ParameterizedTest
    @ValueSource(longs = { 7200, -7200 })
    void aDateHeaderHoursOffTheItemsTimesHoldsNothingBack(long dateAheadSeconds) throws Exception {
        server.withDateAheadBy(dateAheadSeconds).register("first@example.com");
        consumer("registrations?operation=listRegistrations&conferenceId=c1"); // default settings
        consumer.poll();
        server.clock().advance(Duration.ofSeconds(1));
        server.register("second@example.com");
        consumer.poll(); // the next poll: within two poll delays of the registration
        assertThat(consumer.emails()).containsExactly("first@example.com", "second@example.com");
        @SuppressWarnings("unchecked")
        Map<String, Object> progress = (Map<String, Object>) consumer.consumer().status().get("progress");
        assertThat((Long) progress.get("clockSkewSeconds")).as("the skew is noticed and shown")
                .isBetween(dateAheadSeconds - 2, dateAheadSeconds + 2);
    }

    @Test
    void anEmptyAnswerIsRepeatedInsideThePoll() throws Exception {
        server.register("ann@example.com", "bob@example.com");
        server.emptyAnswers(1);
        consumer("registrations?operation=listRegistrations&conferenceId=c1").poll();
        assertThat(consumer.emails()).containsExactly("ann@example.com", "bob@example.com");
        assertThat(consumer.consumer().getErrorCounter()).as("the poll did not fail").isZero();
    }

    /**
     * A report that is not there (404), empty, or has only some rows at first, and is complete a time W after the
     * conference ended (server time), is delivered within max(5 min, W / 10), one 30-second poll step allowed; the
     * requests of its first day stay within the stated bound (docs/consumers.md).
     */
    @ParameterizedTest
    @CsvSource({ "missing, 10", "empty, 60", "partial, 360" })
    void aReportReadyLateIsDeliveredWithinATenthOfItsWait(String atFirst, long readyAfterMinutes) throws Exception {
        Instant ended = server.clock().instant();
        Instant ready = ended.plus(Duration.ofMinutes(readyAfterMinutes));
        if (atFirst.equals("missing")) {
            server.chatReportMissingUntil(ready);
        }
        if (atFirst.equals("partial")) {
            server.chat("first line", "early@example.com");
        }
        server.chatFrom(ready, "the line that comes late", "late@example.com");
        Map<String, Instant> deliveredAt = new ConcurrentHashMap<>();
        consumer("reporting?event=reports&conferenceId=c1&reports=reportChats"); // default settings
        Duration step = Duration.ofSeconds(30);
        int requestsBefore = server.requests();
        for (Instant now = ended; now.isBefore(ended.plus(Duration.ofDays(1))); now = now.plus(step)) {
            consumer.poll();
            for (String email : consumer.emails()) {
                deliveredAt.putIfAbsent(email, server.clock().instant());
            }
            server.clock().advance(step);
        }
        Duration wait = Duration.ofMinutes(readyAfterMinutes);
        Duration bound = (wait.dividedBy(10).compareTo(Duration.ofMinutes(5)) > 0 ? wait.dividedBy(10)
                : Duration.ofMinutes(5)).plus(step);
        Duration late = Duration.between(ready, deliveredAt.get("late@example.com"));
        int requests = server.requests() - requestsBefore;
        System.out.printf("[reports] %s at first, ready after %d min: delivered %d s after it was ready (bound %d s);"
                          + " %d requests in the first day%n", atFirst, readyAfterMinutes, late.getSeconds(),
                bound.getSeconds(), requests);
        assertThat(late).isLessThanOrEqualTo(bound);
        assertThat(counts(consumer.emails())).allSatisfy((email, n) -> assertThat(n).isEqualTo(1));
        // about 50 reads in the first day; a read of a one-page report without totals costs 2 requests (the empty
        // page proves the end), plus the probe that saw the conference ended
        assertThat(requests).as("requests for one report of one conference in its first day").isLessThanOrEqualTo(111);
    }

    @Test
    void startingFromNowTheReconciliationDeliversNothingFromBeforeTheStart() throws Exception {
        Instant start = server.clock().instant();
        server.registerAt(start.minus(Duration.ofSeconds(400)), "before@example.com"); // beyond the priming's overlap
        consumer("registrations?operation=listRegistrations&conferenceId=c1&startFrom=now&reconcileInterval=60")
                .poll(); // marks what the overlap before now shows, and sets the floor
        server.clock().advance(Duration.ofSeconds(30));
        server.register("after@example.com");
        consumer.poll();
        server.clock().advance(Duration.ofSeconds(90));
        consumer.poll(); // the reconciliation: never before where the consumer started
        assertThat(consumer.emails()).containsExactly("after@example.com");
    }
}

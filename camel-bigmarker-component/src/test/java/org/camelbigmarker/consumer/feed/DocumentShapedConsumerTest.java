package org.camelbigmarker.consumer.feed;

import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.testing.ConsumerHarness;
import org.camelbigmarker.testing.DocumentShapedTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbigmarker.consumer.BigMarkerConsumer;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The consumers against a server of another shape than the sandbox, written from the API document alone: envelopes
 * without totals, rows without ids, no Date header, a page parameter ignored, and an asynchronous route. Each test
 * counts what the route received per item: nothing lost, nothing delivered twice.
 */
class DocumentShapedConsumerTest extends DocumentShapedTestSupport {

    @Test
    void anItemStillInFlightHoldsTheCursorBackUntilItsDeliveryIsConfirmed() throws Exception {
        server.register("slow@example.com", "fast@example.com");
        List<String> delivered = new CopyOnWriteArrayList<>();
        AtomicBoolean slowFailedOnce = new AtomicBoolean();
        java.util.concurrent.CountDownLatch crmDown = new java.util.concurrent.CountDownLatch(1);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getComponent("bigmarker", BigMarkerComponent.class).setClock(server.clock());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // overlap=0: only the cursor decides what the next poll reads again
                    from("bigmarker:registrations?operation=listRegistrations&conferenceId=c1&overlap=0&apiKey=" + KEY
                         + "&allowPlainHttp=true&baseUrl=" + server.baseUrl() + "&initialDelay=3600000&delay=3600000")
                            .routeId("async").threads(2).process(exchange -> {
                                String email = exchange.getMessage().getHeader(BigMarkerConstants.EMAIL, String.class);
                                if (email.startsWith("slow") && slowFailedOnce.compareAndSet(false, true)) {
                                    crmDown.await(); // still in flight when the next poll reads
                                    throw new IllegalStateException("the CRM was down for " + email);
                                }
                                delivered.add(email);
                            });
                }
            });
            camel.start();
            BigMarkerConsumer consumer = (BigMarkerConsumer) camel.getRoute("async").getConsumer();
            consumer.run(); // delivers both; slow@ stays in flight until the CRM fails it
            await().atMost(Duration.ofSeconds(5)).until(() -> delivered.contains("fast@example.com"));
            server.clock().advance(Duration.ofSeconds(1)); // BigMarker's clock moves on by a second
            consumer.run(); // meets slow@ in flight: must not move the cursor past it
            crmDown.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> slowFailedOnce.get()
                                                             && consumer.status().get("inFlight").equals(0));
            consumer.run(); // reads again what was not confirmed
            await().atMost(Duration.ofSeconds(5)).until(() -> delivered.contains("slow@example.com"));
        }
        assertThat(counts(delivered)).containsExactlyInAnyOrderEntriesOf(
                Map.of("slow@example.com", 1L, "fast@example.com", 1L));
    }

    @Test
    void startFromNowWithoutADateHeaderDeliversWhatComesLater() throws Exception {
        server.withoutDateHeader().register("before1@example.com", "before2@example.com");
        ConsumerHarness consumer = consumer("registrations?operation=listRegistrations&conferenceId=c1&startFrom=now");
        consumer.poll();
        server.register("after1@example.com");
        consumer.poll();
        server.register("after2@example.com");
        consumer.poll();
        consumer.poll();
        assertThat(consumer.emails()).containsExactly("after1@example.com", "after2@example.com");
    }

    @Test
    void reportRowsWithoutIdsAreKeyedByContentAndOccurrence() throws Exception {
        for (int i = 1; i <= 28; i++) {
            server.chat("question " + i, "person" + i + "@example.com");
        }
        server.chat("Thanks!", "twice@example.com");
        server.chat("Thanks!", "twice@example.com"); // the same line twice: two rows, on page 2
        ConsumerHarness consumer = consumer("reporting?event=reports&conferenceId=c1&reports=reportChats");
        consumer.failOnceFor("person27@example.com"); // a row on page 2 fails once
        consumer.failOnceFor("twice@example.com"); // and the first of the two identical lines
        consumer.poll();
        consumer.poll();
        consumer.poll();
        Map<String, Long> perPerson = counts(consumer.emails());
        assertThat(consumer.delivered).as("30 rows over two pages, each once").hasSize(30);
        assertThat(perPerson).containsEntry("twice@example.com", 2L).containsEntry("person27@example.com", 1L)
                .containsEntry("person1@example.com", 1L);
    }

    @Test
    void aReportThatIsEmptyAtFirstIsReadAgainUntilItHasRows() throws Exception {
        ConsumerHarness consumer = consumer("reporting?event=reports&conferenceId=c1&reports=reportChats"
                                           + "&reportRecheckInterval=0");
        consumer.poll(); // ended, but the chat report is still empty
        server.chat("Late but there", "late@example.com");
        consumer.poll();
        consumer.poll();
        assertThat(consumer.emails()).containsExactly("late@example.com");
    }

    @Test
    void aServerIgnoringThePageParameterIsReadOncePerPollNotForever() throws Exception {
        server.ignoringThePageParameter();
        for (int i = 1; i <= 30; i++) {
            server.register("p" + i + "@example.com");
        }
        ConsumerHarness consumer = consumer("registrations?operation=listRegistrations&conferenceId=c1");
        assertTimeoutPreemptively(Duration.ofSeconds(20), consumer::poll);
        assertThat(server.requests()).as("page 1, then page 2 repeating it: the read stops").isEqualTo(2);
        assertThat(consumer.delivered).as("what the server shows, once").hasSize(25);
        consumer.poll();
        assertThat(consumer.delivered).as("nothing twice").hasSize(25);
    }

    @Test
    void anItemMovedPastAReadByADeletionIsDeliveredByTheReconciliation() throws Exception {
        for (int i = 1; i <= 30; i++) {
            server.register("p" + i + "@example.com");
        }
        server.clock().advance(Duration.ofMillis(1100)); // the registrations are older than the first cursor
        server.deletingTheHeadBeforePageTwo(); // p11 moves onto page 1 after page 1 was read
        ConsumerHarness consumer = consumer("registrations?operation=listRegistrations&conferenceId=c1"
                                           + "&param.per_page=10&overlap=0&reconcileInterval=1");
        consumer.poll();
        assertThat(consumer.emails()).as("without totals the shift cannot be seen").hasSize(29)
                .doesNotContain("p11@example.com");
        server.clock().advance(Duration.ofMillis(1100));
        consumer.poll();
        consumer.poll();
        Map<String, Long> perPerson = counts(consumer.emails());
        assertThat(perPerson).hasSize(30).containsEntry("p11@example.com", 1L);
        assertThat(perPerson.values()).allMatch(count -> count == 1L);
    }

    @Test
    void aConferenceWithNothingNewIsReadOnItsSlowerScheduleSoAnIdlePollCostsNothing() throws Exception {
        ConsumerHarness consumer = consumer("reporting?event=reports&conferenceId=c1&reports=reportChats");
        consumer.poll(); // the conference has ended (1 request); its chat report is empty so far (1 request)
        int afterFirstPoll = server.requests();
        consumer.poll();
        consumer.poll();
        assertThat(afterFirstPoll).isEqualTo(2);
        assertThat(server.requests() - afterFirstPoll).as("requests of two idle polls within the hour").isZero();
    }

    @Test
    void aPoisonItemIsGivenUpAfterMaxDeliveryAttemptsAndTheOthersFlow() throws Exception {
        server.register("poison@example.com", "fine@example.com");
        ConsumerHarness consumer = consumer("registrations?operation=listRegistrations&conferenceId=c1"
                                           + "&maxDeliveryAttempts=3");
        consumer.failAlwaysFor("poison@example.com");
        for (int i = 0; i < 5; i++) {
            consumer.poll();
        }
        server.register("later@example.com");
        consumer.poll();
        assertThat(consumer.emails()).containsExactly("fine@example.com", "later@example.com");
        assertThat(consumer.received).as("the poison item's attempts, each numbered").filteredOn(
                attempt -> attempt.startsWith("poison")).containsExactly("poison@example.com#1", "poison@example.com#2",
                "poison@example.com#3");
    }

    @Test
    void anEmptySummaryIsNotDeliveredAsDataButTheFilledOneIs() throws Exception {
        ConsumerHarness consumer = consumer("reporting?event=reports&conferenceId=c1&reports=reportEventSummary"
                                           + "&reportRecheckInterval=0");
        consumer.poll();
        consumer.poll();
        assertThat(consumer.delivered).as("{} is no summary").isEmpty();
        server.eventSummary(Map.of("total_attendees", 42));
        consumer.poll();
        consumer.poll();
        assertThat(consumer.delivered).hasSize(1);
        assertThat(consumer.delivered.get(0).getMessage().getBody(Map.class)).containsEntry("total_attendees", 42);
    }

    @Test
    void aReportReadFromAServerIgnoringThePageParameterEndsEveryPoll() throws Exception {
        server.ignoringThePageParameter();
        for (int i = 1; i <= 30; i++) {
            server.chat("line " + i, "p" + i + "@example.com");
        }
        ConsumerHarness consumer = consumer("reporting?event=reports&conferenceId=c1&reports=reportChats"
                                           + "&reportRecheckInterval=0");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            consumer.poll();
            consumer.poll();
        });
        assertThat(server.requests()).as("ended probe, then two reads of two pages each").isEqualTo(5);
        assertThat(consumer.delivered).as("what the server shows, once").hasSize(25);
    }

    @Test
    void aRetryAfterIsHonouredAcrossPolls() throws Exception {
        WireMockServer throttling = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        throttling.start();
        try {
            throttling.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
            consumer = new ConsumerHarness("http://127.0.0.1:" + throttling.port() + "/api/v1", KEY,
                    "registrations?operation=listRegistrations&conferenceId=c1");
            for (int i = 0; i < 10; i++) {
                consumer.poll();
            }
            assertThat(throttling.getAllServeEvents()).as("requests in 10 polls after a 429 asking for 60 s")
                    .hasSize(1);
        } finally {
            throttling.stop();
        }
    }
}

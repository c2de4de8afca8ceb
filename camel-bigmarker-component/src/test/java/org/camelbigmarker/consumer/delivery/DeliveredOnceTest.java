package org.camelbigmarker.consumer.delivery;

import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.testing.ConsumerHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camelbigmarker.docshape.DocumentShapedBigMarker;
import org.camelbigmarker.state.JdbcConsumerStore;
import org.camelbigmarker.testing.DrivenClock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exactly once where two deliveries of one item meet, against the document-shaped server (not the sandbox): identical
 * webhook POSTs at the same instant, the webhook and the poll bringing the same conference, two nodes whose claims
 * would end in the middle of a page, and a store whose tables the component cannot write. Each counts deliveries per
 * item.
 */
class DeliveredOnceTest {

    private static final String KEY = "doc-shaped-key";
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ConsumerHarness> harnesses = new ArrayList<>();
    private DocumentShapedBigMarker server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = new DocumentShapedBigMarker();
        port = org.camelbigmarker.testing.LoopbackPlatformHttp.freePort();
    }

    @AfterEach
    void stop() throws Exception {
        harnesses.forEach(ConsumerHarness::close);
        server.close();
    }

    /** A consumer whose webhook route listens on loopback (platform-http on Vert.x); polls only when told. */
    private ConsumerHarness webhookConsumer(String groupAndOptions) throws Exception {
        ConsumerHarness harness = ConsumerHarness.withWebhooks(server.baseUrl(), KEY, groupAndOptions, port);
        harnesses.add(harness);
        return harness;
    }

    private int post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static Map<String, Long> counts(List<String> values) {
        return values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void identicalPushesArrivingAtTheSameInstantAreDeliveredOnce() throws Exception {
        server.conference("c1", "future");
        ConsumerHarness consumer = webhookConsumer("registrations?operation=listRegistrations&conferenceId=c1");
        consumer.slowDown(5, new CountDownLatch(0)); // a route that takes a moment: the repeats arrive meanwhile
        String url = (String) server.updatesOf("c1").get("new_reg_webhook_url");
        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<String> emails = new ArrayList<>();
        try {
            for (int person = 0; person < 25; person++) {
                String email = "person" + person + "@example.com";
                emails.add(email);
                String payload = "{\"registration\":{\"email\":\"" + email + "\",\"first_name\":\"P\","
                                 + "\"last_name\":\"Example\",\"bmid\":\"b" + person + "\"}}";
                CountDownLatch sameInstant = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int copy = 0; copy < 8; copy++) {
                    answers.add(senders.submit(() -> {
                        sameInstant.await();
                        return post(url, payload);
                    }));
                }
                sameInstant.countDown();
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).as("every copy is answered 200: delivered, or a duplicate").isEqualTo(200);
                }
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(counts(consumer.emails())).as("each registration once, 8 identical pushes each")
                .containsOnlyKeys(emails).allSatisfy((email, times) -> assertThat(times).isEqualTo(1));
    }

    @Test
    void aRegistrantPushedWithOneSpellingOfTheirEmailAndListedWithAnotherIsDeliveredOnce() throws Exception {
        server.conference("c1", "future");
        ConsumerHarness consumer = webhookConsumer("registrations?operation=listRegistrations&conferenceId=c1");
        String url = (String) server.updatesOf("c1").get("new_reg_webhook_url");
        assertThat(post(url, "{\"registration\":{\"email\":\" Ann.Lee@Example.COM\",\"first_name\":\"Ann\"}}"))
                .isEqualTo(200);
        server.register("ann.lee@example.com"); // the list shows the address as BigMarker keeps it
        consumer.poll();
        consumer.poll();
        assertThat(consumer.emails()).as("one registrant, delivered by the webhook only").hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({ "conferenceStarted, future, happening_now, webinar_start_webhook_url",
                 "conferenceEnded, happening_now, past, webinar_end_webhook_url" })
    void aConferenceBroughtByTheWebhookAndByThePollIsDeliveredOnce(String event, String before, String after,
                                                                    String urlField) throws Exception {
        server.conference("c1", before);
        server.conference("c2", before);
        ConsumerHarness consumer = webhookConsumer("conferences?event=" + event);
        String url = (String) server.updatesOf("c1").get(urlField);
        assertThat(url).as("the consumer pointed c1's webhook at itself").isNotNull();

        server.conference("c1", after);
        server.conference("c2", after);
        // pushed with fields the list does not show (the document gives no payload): the conference's id decides
        assertThat(post(url, "{\"conference\":{\"id\":\"c1\",\"title\":\"Renamed\",\"starts_at\":\"now\"}}"))
                .isEqualTo(200);
        consumer.poll(); // lists c1 (already delivered) and c2 (its webhook was lost)
        // the last segment is the conference (the token before it is hex, and may itself start with "c1")
        String c2Url = url.substring(0, url.lastIndexOf('/') + 1) + "c2";
        assertThat(post(c2Url, "{\"conference\":{\"id\":\"c2\"}}")).as("c2 came by poll")
                .isEqualTo(200);
        consumer.poll();

        assertThat(counts(consumer.conferenceIds())).containsExactlyInAnyOrderEntriesOf(Map.of("c1", 1L, "c2", 1L));
        assertThat(consumer.delivered.stream().map(e -> e.getMessage().getHeader(BigMarkerConstants.DELIVERED_BY))
                .toList()).containsExactlyInAnyOrder("webhook", "poll");
    }

    @Test
    void twoNodesWhoseClaimsWouldEndInTheMiddleOfAPageDeliverEachItemOnce() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            emails.add("p" + i + "@example.com");
        }
        server.register(emails.toArray(String[]::new));
        DrivenClock clock = new DrivenClock();
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:two-nodes-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        // a claim lasts 1 s; the route takes 400 ms an item (of the driven clock): a page of 10 takes 4 s
        String options = "registrations?operation=listRegistrations&conferenceId=c1&param.per_page=10"
                         + "&claimTimeout=1&consumerStore=#store";
        ConsumerHarness nodeA = node(options, clock, database);
        ConsumerHarness nodeB = node(options, clock, database);
        nodeA.everyDelivery(() -> clock.advance(Duration.ofMillis(400)));
        nodeB.everyDelivery(() -> clock.advance(Duration.ofMillis(400)));
        nodeA.onDelivery(4, nodeB::poll); // B polls while A is in the middle of its first page, 1.6 s in

        nodeA.poll();
        nodeB.poll();
        nodeA.poll();

        List<String> all = new ArrayList<>(nodeA.emails());
        all.addAll(nodeB.emails());
        assertThat(nodeB.emails()).as("B delivered what A had not claimed yet").isNotEmpty();
        assertThat(counts(all)).as("30 registrations, each once across both nodes").containsOnlyKeys(emails)
                .allSatisfy((email, times) -> assertThat(times).isEqualTo(1));
    }

    private ConsumerHarness node(String options, DrivenClock clock, JdbcDataSource database) throws Exception {
        ConsumerHarness node = new ConsumerHarness(server.baseUrl(), KEY, options,
                camel -> camel.getComponent("bigmarker", BigMarkerComponent.class).setClock(clock),
                "store", new JdbcConsumerStore(database));
        harnesses.add(node);
        return node;
    }

    @Test
    void aStoreWhoseTablesHaveAnotherLayoutIsRefusedAtStartBeforeAnythingIsReadOrDelivered() throws Exception {
        server.register("ann@example.com");
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:foreign-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE BIGMARKER_DELIVERED (DELIVERY_KEY VARCHAR(512) PRIMARY KEY)");
        }
        assertThatThrownBy(() -> new ConsumerHarness(server.baseUrl(), KEY,
                "registrations?operation=listRegistrations&conferenceId=c1&consumerStore=#store", "store",
                new JdbcConsumerStore(database)))
                .hasStackTraceContaining("BIGMARKER_DELIVERED: column STAMP is missing");
        assertThat(server.requests()).as("nothing read, so nothing delivered").isZero();
    }
}

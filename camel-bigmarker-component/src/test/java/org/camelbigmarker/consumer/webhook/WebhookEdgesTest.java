package org.camelbigmarker.consumer.webhook;

import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.testing.ConsumerHarness;
import java.util.List;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camelbigmarker.consumer.BigMarkerConsumer;
import org.camelbigmarker.consumer.webhook.WebhookRegistration;
import org.camelbigmarker.docshape.DocumentShapedBigMarker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The edges of the webhook path against the document-shaped server: oversized bodies, stop and restore. */
class WebhookEdgesTest {

    private static final String KEY = "doc-shaped-key";
    private final HttpClient http = HttpClient.newHttpClient();
    private DocumentShapedBigMarker server;
    private ConsumerHarness consumer;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = new DocumentShapedBigMarker();
        server.conference("c1", "future");
        port = org.camelbigmarker.testing.LoopbackPlatformHttp.freePort();
    }

    @AfterEach
    void stop() throws Exception {
        if (consumer != null) {
            consumer.close();
        }
        server.close();
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyFarOverTheLimitIsRefusedByTheComponentWithItsOwnAnswerAndCounted() throws Exception {
        consumer = ConsumerHarness.withWebhooks(server.baseUrl(), KEY,
                "registrations?operation=listRegistrations&conferenceId=c1", port);
        String url = (String) server.updatesOf("c1").get("new_reg_webhook_url");
        String huge = "{\"registration\":{\"email\":\"big@example.com\",\"note\":\"" + "x".repeat(3 * 1024 * 1024)
                      + "\"}}";
        HttpResponse<String> answer = post(url, huge);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).isEqualTo("{\"status\":413}");
        byte[] bytes = huge.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as("chunked, no Content-Length").isEqualTo(413);
        assertThat(chunked.body()).isEqualTo("{\"status\":413}");
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) ((BigMarkerConsumer) consumer.consumer()).status()
                .get("webhook");
        assertThat(counts).containsEntry("refusedTooLarge", 2L);
        assertThat(consumer.delivered).isEmpty();
    }

    @Test
    void aRestoreThatFailsAtStopIsRetriedThenLeftForTheNextStartWhichRestoresIt() throws Exception {
        org.camelbigmarker.state.MemoryConsumerStore store = new org.camelbigmarker.state.MemoryConsumerStore();
        String uri = "conferences?event=conferenceStarted&consumerStore=#store";
        consumer = ConsumerHarness.withWebhooks(server.baseUrl(), KEY, uri, port, "store", store);
        assertThat(server.updatesOf("c1")).containsEntry("enable_webinar_start_webhook", true);

        server.failUpdates(Integer.MAX_VALUE);
        consumer.close(); // every try fails: the record stays
        consumer = null;
        assertThat(server.updatesOf("c1")).as("still pointing at the stopped route")
                .containsEntry("enable_webinar_start_webhook", true);

        server.failUpdates(0);
        server.conference("c1", "happening_now"); // no longer among the conferences a start webhook is set on
        server.conference("c2", "future");
        consumer = ConsumerHarness.withWebhooks(server.baseUrl(), KEY, uri, port, "store", store);
        assertThat(server.updatesOf("c1")).as("restored at the next start")
                .containsEntry("enable_webinar_start_webhook", false).containsEntry("webinar_start_webhook_url", "");
        assertThat(server.updatesOf("c2")).containsEntry("enable_webinar_start_webhook", true);
    }

    @Test
    void aRestoreThatFailsAtStopIsTriedAgainThereAfterAWait() throws Exception {
        List<Long> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        consumer = new ConsumerHarness(server.baseUrl(), KEY, ConsumerHarness.webhookOptions(
                "conferences?event=conferenceStarted", port), camel -> {
                    ConsumerHarness.platformHttpOn(port).apply(camel);
                    camel.getComponent("bigmarker", BigMarkerComponent.class).setSleeper(waits::add);
                });
        server.failUpdates(WebhookRegistration.RESTORE_TRIES - 1);
        consumer.close();
        consumer = null;
        assertThat(server.updatesOf("c1")).containsEntry("enable_webinar_start_webhook", false);
        assertThat(waits).as("a wait before each try again, longer each time")
                .containsExactly(WebhookRegistration.RESTORE_WAIT_MILLIS, 2 * WebhookRegistration.RESTORE_WAIT_MILLIS);
    }

    /**
     * An account-wide webhook consumer lists the account's conferences to set its webhook on new ones only every
     * webhookConferenceCheckInterval, not at every poll: each look costs a request per 100 conferences.
     */
    @Test
    void newConferencesAreLookedForEveryCheckIntervalNotAtEveryPoll() throws Exception {
        consumer = new ConsumerHarness(server.baseUrl(), KEY, ConsumerHarness.webhookOptions(
                "conferences?event=conferenceStarted&webhookConferenceCheckInterval=3600", port), camel -> {
                    ConsumerHarness.platformHttpOn(port).apply(camel);
                    camel.getComponent("bigmarker", BigMarkerComponent.class).setClock(server.clock());
                });
        assertThat(server.updatesOf("c1")).containsEntry("enable_webinar_start_webhook", true);
        server.conference("c2", "future");
        int before = server.requests();
        for (int poll = 0; poll < 11; poll++) { // the 5 minutes' polls of most of an hour
            server.clock().advance(java.time.Duration.ofMinutes(5));
            consumer.poll();
        }
        assertThat(server.requests() - before).as("one request a poll: the list of started conferences").isEqualTo(11);
        assertThat(server.updatesOf("c2")).as("not looked for yet").isEmpty();

        server.clock().advance(java.time.Duration.ofMinutes(5)); // an hour since the start's look
        consumer.poll();
        assertThat(server.updatesOf("c2")).containsEntry("enable_webinar_start_webhook", true);
    }

    /** A conference the poll lists (here: as started) gets its webhook at that poll, not at the next look. */
    @Test
    void aConferenceThePollListsGetsItsWebhookAtThatPoll() throws Exception {
        consumer = new ConsumerHarness(server.baseUrl(), KEY, ConsumerHarness.webhookOptions(
                "conferences?event=conferenceStarted&webhookConferenceCheckInterval=3600", port), camel -> {
                    ConsumerHarness.platformHttpOn(port).apply(camel);
                    camel.getComponent("bigmarker", BigMarkerComponent.class).setClock(server.clock());
                });
        server.conference("c2", "happening_now"); // created and started since the start's look
        server.clock().advance(java.time.Duration.ofMinutes(5));
        consumer.poll();
        assertThat(consumer.conferenceIds()).as("the poll delivered its start").contains("c2");
        assertThat(server.updatesOf("c2")).containsEntry("enable_webinar_start_webhook", true);
    }
}

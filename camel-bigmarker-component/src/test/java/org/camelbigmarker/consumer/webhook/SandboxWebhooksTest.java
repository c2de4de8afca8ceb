package org.camelbigmarker.consumer.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.camelbigmarker.sandbox.BigMarkerSandbox.WebhookDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox plays BigMarker's outgoing webhooks (for the webhook consumer's tests and the examples): fields set
 * through the component's Update Conference, the documented new-registration payload POSTed to the URL, lifecycle
 * events, and deliveries dropped, delayed and repeated on request.
 */
class SandboxWebhooksTest {

    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private BigMarkerSandbox server;
    private HttpServer receiver;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        server = BigMarkerSandbox.start();
        server.conference("c1", "future");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/", exchange -> {
            received.add(json.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        receiver.stop(0);
        server.close();
    }

    private String hookUrl(String event) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/" + event;
    }

    private void updateConference(Map<String, Object> fields) {
        camel.createProducerTemplate().requestBodyAndHeader("bigmarker:conferences?operation=updateConference"
                + "&conferenceId=c1&apiKey=" + BigMarkerSandbox.API_KEY + "&baseUrl=" + server.baseUrl()
                + "&allowPlainHttp=true", fields, "CamelBigMarkerConferenceId", "c1");
    }

    @Test
    void aNewRegistrationIsPostedWithTheDocumentedPayloadOnceTheWebhookIsEnabled() throws IOException {
        server.register("c1", "before@example.com", "Before", "Hook", Map.of());
        updateConference(Map.of("enable_new_reg_webhook", true, "new_reg_webhook_url", hookUrl("registration")));
        assertThat(server.webhookFields("c1")).containsEntry("enable_new_reg_webhook", "true")
                .containsEntry("new_reg_webhook_url", hookUrl("registration"));

        server.register("c1", "ada@example.com", "Ada", "Lovelace", Map.of("company", "Analytical"));
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
        JsonNode registration = received.get(0).path("registration");
        assertThat(registration.path("email").asText()).isEqualTo("ada@example.com");
        assertThat(registration.path("first_name").asText()).isEqualTo("Ada");
        assertThat(registration.path("custom_field_company").asText()).isEqualTo("Analytical");
        assertThat(registration.has("bmid")).isTrue();
        assertThat(registration.has("conference_id")).as("the documented payload names no conference").isFalse();

        server.register("c1", "ada@example.com", "Ada", "Byron", Map.of());
        updateConference(Map.of("enable_new_reg_webhook", false));
        server.register("c1", "after@example.com", "After", "Off", Map.of());
        await().during(Duration.ofMillis(300)).until(() -> received.size() == 1);
    }

    @Test
    void deliveriesCanBeDroppedDelayedAndRepeated() {
        updateConference(Map.of("enable_new_reg_webhook", true, "new_reg_webhook_url", hookUrl("registration")));
        server.webhookFaults(0.3, 0.2, Duration.ofMillis(50), 7);
        List<String> registered = server.register("c1", 40);

        List<WebhookDelivery> deliveries = server.webhookDeliveries();
        long dropped = deliveries.stream().filter(delivery -> delivery.status() == -1).count();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.webhookDeliveries().stream()
                .filter(delivery -> delivery.status() == 200).count() == received.size()
                && received.size() >= registered.size() - dropped);
        List<String> emails = received.stream().map(hook -> hook.path("registration").path("email").asText()).toList();
        assertThat(dropped).as("about 30% dropped").isBetween(6L, 20L);
        assertThat(emails.size()).as("some sent twice").isGreaterThan((int) (registered.size() - dropped));
        assertThat(registered).containsAll(emails);
    }

    @Test
    void webinarStartAndEndArePostedWhenEnabled() {
        updateConference(Map.of("enable_webinar_start_webhook", true, "webinar_start_webhook_url", hookUrl("start"),
                "enable_webinar_end_webhook", true, "webinar_end_webhook_url", hookUrl("end")));
        server.startConference("c1");
        server.endConference("c1");
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
        assertThat(received).extracting(hook -> hook.path("event").asText())
                .containsExactly("webinar_start", "webinar_end");
        assertThat(received).allSatisfy(hook -> assertThat(hook.path("conference_id").asText()).isEqualTo("c1"));
    }
}

package org.camelbigmarker.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.camelbigmarker.consumer.BigMarkerConsumer;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kamelets the component jar ships (kamelets/*.kamelet.yaml), used as a low-code tool uses them: YAML routes
 * through Camel's kamelet component, against the sandbox.
 */
class KameletsTest {

    private static final List<String> KAMELETS = List.of("bigmarker-new-registrations-source",
            "bigmarker-webinar-reports-source", "bigmarker-register-sink");

    private BigMarkerSandbox server;
    private final CamelContext camel = new DefaultCamelContext();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> reportsOf = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = BigMarkerSandbox.start();
        camel.getRegistry().bind("received", (org.apache.camel.Processor) exchange -> {
            received.add(exchange.getMessage().getBody(String.class));
            reportsOf.add(exchange.getMessage().getHeader("CamelBigMarkerConferenceId") + "/"
                          + exchange.getMessage().getHeader("CamelBigMarkerReport"));
        });
    }

    @AfterEach
    void stop() {
        camel.stop();
        server.close();
    }

    /** Loads YAML routes whose CONNECTION line stands for the sandbox's key, base URL and allowPlainHttp. */
    private void loadYamlRoutes(String yaml) throws Exception {
        String connection = "$1apiKey: " + BigMarkerSandbox.API_KEY + "\n$1baseUrl: " + server.baseUrl()
                            + "\n$1allowPlainHttp: true";
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("routes.yaml",
                yaml.replaceAll("(?m)^( *)CONNECTION$", connection)));
        camel.start();
    }

    @Test
    void theRegistrationsSourceDeliversEachNewRegistrationOnceAsJson() throws Exception {
        server.conference("c1", "future");
        loadYamlRoutes("""
                - route:
                    from:
                      uri: "kamelet:bigmarker-new-registrations-source"
                      parameters:
                        channelId: acme-webinars
                        delay: 100
                        CONNECTION
                      steps:
                        - process:
                            ref: received
                """);
        List<String> registered = server.register("c1", 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 3);
        awaitMorePolls(); // anything delivered twice would show now
        assertThat(received).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        assertThat(received.stream().map(text -> readJson(json, text).path("email").asText()).toList())
                .containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void theRegisterSinkRegistersAPersonFromJson() throws Exception {
        server.conference("c1", "future");
        loadYamlRoutes("""
                - route:
                    from:
                      uri: "direct:lead"
                      steps:
                        - to:
                            uri: "kamelet:bigmarker-register-sink"
                            parameters:
                              conferenceId: c1
                              CONNECTION
                """);
        camel.createProducerTemplate().sendBody("direct:lead",
                "{\"email\":\"ada@example.com\",\"first_name\":\"Ada\",\"last_name\":\"Lovelace\"}");
        assertThat(server.registrations("c1")).containsExactly("ada@example.com");
    }

    @Test
    void theReportsSourceDeliversTheReportsOfAnEndedWebinar() throws Exception {
        server.seedDemoData();
        loadYamlRoutes("""
                - route:
                    from:
                      uri: "kamelet:bigmarker-webinar-reports-source"
                      parameters:
                        reports: reportLiveAttendees
                        delay: 100
                        CONNECTION
                      steps:
                        - process:
                            ref: received
                """);
        await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
        awaitMorePolls();
        // one JSON array of rows per report; which conference and report it is travels in headers
        assertThat(received).allSatisfy(rows -> assertThat(readJson(new ObjectMapper(), rows).isArray()).isTrue());
        assertThat(received.get(0)).contains("\"email\"");
        assertThat(reportsOf).doesNotHaveDuplicates().allSatisfy(report -> assertThat(report)
                .endsWith("/reportLiveAttendees").doesNotStartWith("null"));
    }

    /** Waits for three more polls of the Kamelet's BigMarker consumer, instead of for time. */
    private void awaitMorePolls() {
        BigMarkerConsumer consumer = camel.getRoutes().stream().map(route -> route.getConsumer())
                .filter(BigMarkerConsumer.class::isInstance).map(BigMarkerConsumer.class::cast).findFirst()
                .orElseThrow();
        long target = consumer.getCounter() + 3;
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.getCounter() >= target);
    }

    /** Each shipped Kamelet is in the format of apache/camel-kamelets, and its secrets are marked as such. */
    @ParameterizedTest
    @ValueSource(strings = { "bigmarker-new-registrations-source", "bigmarker-webinar-reports-source",
            "bigmarker-register-sink" })
    @SuppressWarnings("unchecked")
    void eachKameletIsWellFormedAndMarksItsSecrets(String name) throws IOException {
        Map<String, Object> kamelet;
        try (InputStream in = getClass().getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
            assertThat(in).as("kamelets/" + name + ".kamelet.yaml in the jar").isNotNull();
            kamelet = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(kamelet).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
        Map<String, Object> metadata = (Map<String, Object>) kamelet.get("metadata");
        assertThat(metadata).containsEntry("name", name);
        assertThat((Map<String, Object>) metadata.get("labels"))
                .containsEntry("camel.apache.org/kamelet.type", name.endsWith("-sink") ? "sink" : "source");
        Map<String, Object> definition = (Map<String, Object>) ((Map<String, Object>) kamelet.get("spec"))
                .get("definition");
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition.get("properties");
        assertThat(properties.get("apiKey")).containsEntry("format", "password");
        assertThat((List<String>) definition.get("required")).contains("apiKey");
        assertThat(properties.values()).allSatisfy(property -> assertThat(property).containsKeys("title",
                "description", "type"));
        assertThat(KAMELETS).contains(name);
    }

    private static JsonNode readJson(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (IOException notJson) {
            throw new AssertionError("not JSON: " + text, notJson);
        }
    }
}

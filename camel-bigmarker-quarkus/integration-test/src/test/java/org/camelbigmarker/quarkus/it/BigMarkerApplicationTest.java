package org.camelbigmarker.quarkus.it;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.state.JdbcConsumerStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as an adopter runs it in a test: the Dev Service sandbox in place of BigMarker (no property names
 * it), the consumers' state in the H2 datasource, health through SmallRye Health.
 */
@QuarkusTest
class BigMarkerApplicationTest {

    @Inject
    ProducerTemplate producer;

    @Inject
    RegistrationRoutes routes;

    @Inject
    DataSource dataSource;

    @Inject
    CamelContext camel;

    @TestHTTPResource("/q/health")
    URL health;

    @TestHTTPResource("/q/metrics")
    URL metrics;

    @Test
    void aLeadRegisteredThroughTheProducerIsDeliveredByTheConsumer() throws Exception {
        producer.sendBodyAndHeader("direct:new-lead",
                Map.of("email", "ada@example.org", "first_name", "Ada", "last_name", "Lovelace"),
                BigMarkerConstants.CONFERENCE_ID, "c0ffee01");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(routes.registeredEmails()).contains("ada@example.org"));
        assertThat(routes.registeredEmails()).as("each registration once").doesNotHaveDuplicates();

        BigMarkerComponent component = camel.getComponent("bigmarker", BigMarkerComponent.class);
        assertThat(component.getConfiguration().getConsumerStore()).isInstanceOf(JdbcConsumerStore.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(rowsIn("BIGMARKER_DELIVERED")).as("delivered keys kept in H2")
                        .isGreaterThanOrEqualTo(routes.registeredEmails().size()));
    }

    @Test
    void healthShowsTheComponentAndItsConsumer() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(health.toURI()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode checks = new ObjectMapper().readTree(answer.body()).path("checks");
        assertThat(checks.findValuesAsText("name")).as("the component's readiness and the consumer's delivery")
                .contains("bigmarker", "bigmarker-delivery-new-registrations");
        assertThat(checks.findValuesAsText("status")).isNotEmpty().allMatch("UP"::equals);
    }

    @Test
    void theMetersAreInQuarkusMicrometerRegistry() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics.toURI()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(scrape).containsPattern(
                    "bigmarker_consumer_items_delivered_total\\{[^}]*routeId=\"new-registrations\"[^}]*} [1-9]");
            assertThat(scrape).contains("bigmarker_requests_total{");
        });
    }

    private int rowsIn(String table) throws Exception {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            count.next();
            return count.getInt(1);
        }
    }

}

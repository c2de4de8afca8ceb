package org.camelbigmarker.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.builder.RouteBuilder;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The meters as an adopter's Spring Boot application scrapes them: actuator and the Prometheus registry on the
 * classpath, no setting of the component's; after a sync against the sandbox, /actuator/prometheus shows the
 * consumer's deliveries (as many as the sandbox holds), a forced failure in the failure and given-up meters, a lag
 * back at zero, and the account's requests.
 */
class MetricsScrapeTest {

    /** The route fails for this registrant every time: given up on after maxDeliveryAttempts. */
    static final String POISON = "katherine.johnson@example.com";
    static final Set<String> DELIVERED = ConcurrentHashMap.newKeySet();

    /** Not a component: the other tests' applications, which scan this package, must not pick its route up. */
    @EnableAutoConfiguration
    static class Application {
        @Bean
        RouteBuilder registrations() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("bigmarker:registrations?operation=listChannelRegistrations&channelId="
                         + BigMarkerSandbox.CHANNEL + "&initialDelay=0&delay=200&maxDeliveryAttempts=2")
                            .routeId("registrations").process(exchange -> {
                                String email = exchange.getMessage().getHeader(BigMarkerConstants.EMAIL,
                                        String.class);
                                if (POISON.equals(email)) {
                                    throw new IllegalStateException("the CRM refused " + email);
                                }
                                DELIVERED.add(email);
                            });
                }
            };
        }
    }

    private static double sample(String scrape, String name, String... labels) {
        double sum = 0;
        Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        while (line.find()) {
            String found = line.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }

    @Test
    void theConsumerAndAccountMetersAreOnTheActuatorsPrometheusScrape() throws Exception {
        try (BigMarkerSandbox sandbox = BigMarkerSandbox.start().seedDemoData();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                     .web(WebApplicationType.SERVLET).properties("server.port=0", "server.address=127.0.0.1",
                             "management.endpoints.web.exposure.include=prometheus",
                             "camel.component.bigmarker.api-key=" + sandbox.apiKey(),
                             "camel.component.bigmarker.base-url=" + sandbox.baseUrl(),
                             "camel.component.bigmarker.allow-plain-http=true")
                     .run()) {
            int registrations = sandbox.registrationCount();
            String port = app.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                                                   + "/actuator/prometheus")).build();
            String[] text = new String[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                text[0] = http.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
                return sample(text[0], "bigmarker_consumer_items_given_up_total", "routeId=\"registrations\"") == 1;
            });
            String body = text[0];
            assertThat(sample(body, "bigmarker_consumer_items_delivered_total", "path=\"poll\"",
                    "routeId=\"registrations\"", "kind=\"NEW_CHANNEL_REGISTRATIONS\""))
                    .as("every registration of the sandbox but the one given up on").isEqualTo(registrations - 1)
                    .isEqualTo(DELIVERED.size());
            assertThat(sample(body, "bigmarker_consumer_delivery_failures_total", "routeId=\"registrations\""))
                    .isEqualTo(2);
            assertThat(sample(body, "bigmarker_consumer_items_given_up_kept", "routeId=\"registrations\""))
                    .isEqualTo(1);
            assertThat(sample(body, "bigmarker_consumer_lag_seconds", "routeId=\"registrations\"")).isZero();
            assertThat(sample(body, "bigmarker_consumer_poll_since_success_seconds", "routeId=\"registrations\""))
                    .isLessThan(10);
            assertThat(sample(body, "bigmarker_requests_total", "group=\"registrations\"", "outcome=\"2xx\""))
                    .isGreaterThanOrEqualTo(2);
            assertThat(body).contains("bigmarker_requests_budget_wait_seconds_total")
                    .doesNotContain(sandbox.apiKey()).doesNotContain(POISON);
            assertThat(List.of(body.split("\n"))).filteredOn(line -> line.startsWith("bigmarker_"))
                    .allSatisfy(line -> assertThat(line).doesNotContain("@"));
        }
    }
}

package org.camelbigmarker.client;

import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.BigMarkerEndpoint;
import org.camelbigmarker.BigMarkerOperation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbigmarker.consumer.BigMarkerConsumer;
import org.camelbigmarker.docshape.BareHttpServer;
import org.camelbigmarker.testing.DrivenClock;
import org.camelbigmarker.testing.RateLimit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The component's request budget against a server that throttles each API key to 20 requests in any minute: two
 * consumers and a producer of one key, polled and called far more often than that, get no 429, their requests spaced
 * evenly; a producer of another key is not held back by them. Time is driven: every wait moves the clock.
 */
class RequestBudgetAccountTest {

    private static final int LIMIT_PER_MINUTE = 20;

    private final DrivenClock clock = new DrivenClock(Instant.parse("2026-12-01T10:00:00Z"));
    /** Per key, the instants of the requests the server accepted. */
    private final Map<String, List<Instant>> accepted = new HashMap<>();
    private final Map<String, RateLimit> limits = new HashMap<>();
    private long throttled;

    @Test
    void consumersAndAProducerOfOneKeyStayWithinTheAccountsLimit() throws Exception {
        try (BareHttpServer server = new BareHttpServer(this::throttlingServer);
             CamelContext camel = context(server, LIMIT_PER_MINUTE)) {
            ProducerTemplate template = camel.createProducerTemplate();
            BigMarkerConsumer started = (BigMarkerConsumer) camel.getRoute("started").getConsumer();
            BigMarkerConsumer registrations = (BigMarkerConsumer) camel.getRoute("registrations").getConsumer();
            for (int step = 0; step < 30; step++) {
                started.run();
                registrations.run();
                template.requestBody("direct:key-1", "");
                template.requestBody("direct:key-2", "");
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(throttled).as("answers 429").isZero();
            List<Instant> first = accepted.get("key-1");
            assertThat(first).as("two polls and a call each step, none lost").hasSize(90);
            for (int i = 1; i < first.size(); i++) {
                assertThat(Duration.between(first.get(i - 1), first.get(i))).as("spacing of key-1's requests")
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(60 / LIMIT_PER_MINUTE));
            }
            assertThat(budgetOf(camel, "key-2")).containsEntry("budgetWaits", 0L);
            assertThat((Long) budgetOf(camel, "key-1").get("budgetWaits")).isGreaterThan(80L);
            assertThat(accepted.get("key-2")).hasSize(30);
        }
    }

    @Test
    void withoutABudgetTheSameRoutesAreThrottled() throws Exception {
        try (BareHttpServer server = new BareHttpServer(this::throttlingServer);
             CamelContext camel = context(server, 0)) {
            ProducerTemplate template = camel.createProducerTemplate();
            BigMarkerConsumer started = (BigMarkerConsumer) camel.getRoute("started").getConsumer();
            for (int step = 0; step < 30; step++) {
                started.run();
                try {
                    template.requestBody("direct:key-1", "");
                } catch (RuntimeException throttledBeyondItsRepeats) {
                    // the point of this test: what the budget prevents
                }
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(throttled).as("answers 429 when nothing paces the requests").isPositive();
        }
    }

    @Test
    void aNegativeBudgetNamesTheOption() {
        CamelContext camel = new DefaultCamelContext();
        camel.getComponent("bigmarker", BigMarkerComponent.class).setRequestsPerMinute(-1);
        assertThatThrownBy(camel::start).hasStackTraceContaining("requestsPerMinute");
    }

    private CamelContext context(BareHttpServer server, int requestsPerMinute) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        BigMarkerComponent component = camel.getComponent("bigmarker", BigMarkerComponent.class);
        component.setClock(clock);
        component.setSleeper(millis -> clock.advance(Duration.ofMillis(millis)));
        component.setRequestsPerMinute(requestsPerMinute);
        String server1 = "&allowPlainHttp=true&baseUrl=http://127.0.0.1:" + server.port() + "/api/v1";
        String polledByTheTest = "&initialDelay=999999999&delay=999999999";
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("bigmarker:conferences?event=conferenceStarted&apiKey=key-1" + server1 + polledByTheTest)
                        .routeId("started").to("log:started?level=OFF");
                from("bigmarker:registrations?operation=listRegistrations&conferenceId=c1&apiKey=key-1" + server1
                     + polledByTheTest).routeId("registrations").to("log:registrations?level=OFF");
                from("direct:key-1").to("bigmarker:conferences?operation=listConferences&apiKey=key-1" + server1);
                from("direct:key-2").to("bigmarker:conferences?operation=listConferences&apiKey=key-2" + server1);
            }
        });
        camel.start();
        return camel;
    }

    /** The budget as the producer of the key sees it. */
    private static Map<String, Object> budgetOf(CamelContext camel, String apiKey) {
        BigMarkerEndpoint endpoint = camel.getEndpoints().stream().filter(BigMarkerEndpoint.class::isInstance)
                .map(BigMarkerEndpoint.class::cast)
                .filter(candidate -> candidate.getConfiguration().getOperation() == BigMarkerOperation.listConferences
                                     && apiKey.equals(candidate.getConfiguration().getApiKey()))
                .findFirst().orElseThrow();
        return endpoint.callStatistics();
    }

    /** At most LIMIT_PER_MINUTE requests of a key in any 60 s; beyond, 429 with the seconds until one leaves. */
    private synchronized BareHttpServer.Answer throttlingServer(BareHttpServer.Request request) {
        String key = request.headers().get("api-key");
        long retryAfter = limits.computeIfAbsent(key, any -> new RateLimit(LIMIT_PER_MINUTE, clock)).admit();
        if (retryAfter > 0) {
            throttled++;
            return answer(429, Map.of("Retry-After", String.valueOf(retryAfter)), "{\"error\":\"Too many requests\"}");
        }
        accepted.computeIfAbsent(key, any -> new ArrayList<>()).add(clock.instant());
        String body = request.path().contains("/registrations/") ? "{\"registrations\":[]}"
                : "{\"conferences\":[],\"current_page\":1,\"total_pages\":1,\"total_entries\":0}";
        return answer(200, Map.of(), body);
    }

    private static BareHttpServer.Answer answer(int status, Map<String, String> headers, String body) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", "application/json");
        return new BareHttpServer.Answer(status, all, body.getBytes(StandardCharsets.UTF_8));
    }
}

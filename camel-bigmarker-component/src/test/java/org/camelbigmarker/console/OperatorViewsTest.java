package org.camelbigmarker.console;

import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.BigMarkerEndpoint;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.camelbigmarker.sandbox.BigMarkerSandbox.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators see, through Camel's own APIs: the component's readiness check (credentials accepted, API
 * reachable), the bigmarker dev console (consumers' progress, calls, repeats, 429s), and the service location
 * Camel's service views show.
 */
class OperatorViewsTest {

    private BigMarkerSandbox server;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        server = BigMarkerSandbox.start().seedDemoData();
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        server.close();
    }

    private CamelContext contextWithKey(String apiKey) throws Exception {
        camel = new DefaultCamelContext();
        camel.setDevConsole(true);
        BigMarkerComponent component = new BigMarkerComponent();
        component.getConfiguration().setApiKey(apiKey);
        component.getConfiguration().setBaseUrl(server.baseUrl());
        component.getConfiguration().setAllowPlainHttp(true);
        component.getConfiguration().setRetryInitialDelay(1);
        camel.addComponent("bigmarker", component);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:channel").to("bigmarker:channels?operation=showChannel&channelId=" + server.channel());
                from("bigmarker:registrations?operation=listChannelRegistrations&channelId=" + server.channel()
                     + "&initialDelay=0&delay=3600000").routeId("registrations").to("mock:registrations");
            }
        });
        camel.start();
        return camel;
    }

    private HealthCheck.Result componentReadiness() {
        return HealthCheckHelper.invokeReadiness(camel).stream()
                .filter(result -> result.getCheck().getId().equals("bigmarker")).findFirst().orElseThrow();
    }

    @Test
    void theComponentIsReadyWhenItsCredentialsAreAccepted() throws Exception {
        contextWithKey(BigMarkerSandbox.API_KEY);
        HealthCheck.Result result = componentReadiness();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getCheck().isLiveness()).as("BigMarker down is no reason to restart the application")
                .isFalse();
    }

    @Test
    void aRejectedKeyMakesTheComponentNotReadyAndSaysWhy() throws Exception {
        contextWithKey("not-the-key");
        HealthCheck.Result result = componentReadiness();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("refused the component's credentials").contains("401").doesNotContain("not-the-key"));
        assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
    }

    @Test
    void anUnreachableApiMakesTheComponentNotReady() throws Exception {
        contextWithKey(BigMarkerSandbox.API_KEY);
        server.failNext("/channels", Fault.RESET, 10);
        // a fresh context: the check remembers its answer for a minute
        camel.stop();
        contextWithKey(BigMarkerSandbox.API_KEY);
        HealthCheck.Result result = componentReadiness();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message).contains("not reachable"));
    }

    @Test
    void probesMoreOftenThanOnceAMinuteCostOneRequest() throws Exception {
        contextWithKey(BigMarkerSandbox.API_KEY);
        int before = server.requestCount();
        for (int probe = 0; probe < 5; probe++) {
            assertThat(componentReadiness().getState()).isEqualTo(HealthCheck.State.UP);
        }
        assertThat(server.requests().subList(before, server.requestCount()))
                .filteredOn(request -> request.contains("/channels")).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDevConsoleShowsConsumersAndCallsWithoutTheKey() throws Exception {
        contextWithKey(BigMarkerSandbox.API_KEY);
        camel.createProducerTemplate().requestBody("direct:channel", (Object) null);
        server.failNext("/channels/" + server.channel(), Fault.THROTTLED, 1);
        camel.createProducerTemplate().requestBody("direct:channel", (Object) null);
        org.awaitility.Awaitility.await().until(() -> camel.getEndpoint("mock:registrations",
                org.apache.camel.component.mock.MockEndpoint.class).getReceivedCounter() > 0);

        DevConsole console = camel.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("bigmarker");
        assertThat(console).as("the bigmarker console is found by Camel").isNotNull();
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON, Map.of());
        List<Map<String, Object>> consumers = (List<Map<String, Object>>) json.get("consumers");
        assertThat(consumers).singleElement().satisfies(consumer -> {
            assertThat(consumer).containsEntry("routeId", "registrations").containsKey("lastPollAt");
            assertThat((Long) consumer.get("polls")).isPositive();
            assertThat((Map<String, Object>) consumer.get("progress")).containsKey("cursor");
            assertThat(consumer.get("deliveredKeysInStore")).isEqualTo((long) server.registrationCount());
        });
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) json.get("endpoints");
        assertThat(endpoints).anySatisfy(endpoint -> {
            assertThat(String.valueOf(endpoint.get("uri"))).contains("showChannel");
            assertThat(endpoint).containsEntry("calls", 2L).containsEntry("repeats", 1L)
                    .containsEntry("throttledAnswers", 1L).containsEntry("failures", 0L);
        });
        String text = String.valueOf(console.call(DevConsole.MediaType.TEXT, Map.of()));
        assertThat(text).contains("registrations").contains("throttledAnswers");
        assertThat(json.toString() + text).doesNotContain(BigMarkerSandbox.API_KEY);
    }

    @Test
    void camelsServiceViewShowsTheBigMarkerHost() throws Exception {
        contextWithKey(BigMarkerSandbox.API_KEY);
        DevConsole services = camel.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("service");
        assertThat(String.valueOf(services.call(DevConsole.MediaType.TEXT, Map.of()))).contains(server.baseUrl());
        BigMarkerEndpoint endpoint = (BigMarkerEndpoint) camel.getRoute("registrations").getEndpoint();
        assertThat(endpoint.getServiceMetadata()).containsEntry("operation", "listChannelRegistrations");
    }
}

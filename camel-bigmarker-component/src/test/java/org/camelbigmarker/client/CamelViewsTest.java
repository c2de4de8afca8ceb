package org.camelbigmarker.client;

import org.camelbigmarker.testing.WireMockTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.camelbigmarker.BigMarkerComponent;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where docs/security.md says to put credentials (on the component, from a property whose name marks it secret), no
 * view of Camel's shows them: every dev console in text and JSON, endpoint URIs, route definitions. Set in an
 * endpoint URI instead, the component warns, since some of those views show URIs unmasked.
 */
class CamelViewsTest extends WireMockTestSupport {

    private static final String SECRET_KEY = "key-5be07c11d9aa";
    /** Consoles that do something when called (write a heap dump, run a GC, send, reload...): not views. */
    private static final List<String> ACTING_CONSOLES = List.of("heap-dump", "heap-histogram", "gc",
            "jfr-memory-leak", "reload", "send", "receive", "debug", "eval-language", "simple-language", "sql-query");

    /**
     * Camel 4.18's and 4.17's properties console masks sensitive property values in its text form only, not in JSON
     * (Camel 4.22 masks both): Camel's, not the component's, and said in docs/security.md.
     */
    private static boolean isCamelsOwnKnownLeak(CamelContext camel, String view) {
        boolean olderLine = camel.getVersion().startsWith("4.18.") || camel.getVersion().startsWith("4.17.");
        return olderLine && view.startsWith("properties JSON: ");
    }

    /** What camel-main does with camel.component.bigmarker.api-key={{bigmarker.api-key}}. */
    private static CamelContext contextWithKeyOnTheComponent() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.setDevConsole(true);
        camel.getPropertiesComponent().addInitialProperty("bigmarker.api-key", SECRET_KEY);
        BigMarkerComponent component = new BigMarkerComponent();
        camel.addComponent("bigmarker", component);
        PropertyBindingSupport.build().withCamelContext(camel).withTarget(component)
                .withConfigurer((PropertyConfigurer) PluginHelper.getConfigurerResolver(camel)
                        .resolvePropertyConfigurer("bigmarker-component", camel))
                .withProperties(new java.util.HashMap<>(Map.of("apiKey", "{{bigmarker.api-key}}",
                        "baseUrl", baseUrl(), "allowPlainHttp", "true")))
                .bind();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:show").routeId("show").to("bigmarker:conferences?operation=showConference&conferenceId=c1");
                from("bigmarker:registrations?operation=listRegistrations&conferenceId=c1&delay=60000")
                        .routeId("poll").to("mock:new");
            }
        });
        camel.start();
        return camel;
    }

    @Test
    void aKeySetOnTheComponentAppearsInNoViewOfCamel() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"c1\",\"registrations\":[]}")));
        try (CamelContext camel = contextWithKeyOnTheComponent()) {
            camel.createProducerTemplate().requestBody("direct:show", (Object) null);

            List<String> views = new ArrayList<>();
            DevConsoleRegistry consoles = camel.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
            consoles.loadDevConsoles(true);
            consoles.stream().filter(console -> !ACTING_CONSOLES.contains(console.getId())).forEach(console -> {
                for (DevConsole.MediaType type : DevConsole.MediaType.values()) {
                    try {
                        views.add(console.getId() + " " + type + ": " + console.call(type, Map.of()));
                    } catch (RuntimeException notAvailableWithoutJmx) {
                        // a few consoles need JMX, which this context has not; they show nothing then
                    }
                }
            });
            camel.getEndpoints().forEach(endpoint -> views.add(endpoint.getEndpointUri() + " " + endpoint));
            camel.getEndpointRegistry().keySet().forEach(key -> views.add(String.valueOf(key)));
            camel.getCamelContextExtension().getContextPlugin(org.apache.camel.model.Model.class)
                    .getRouteDefinitions().forEach(route -> views.add(route.toString()));

            assertThat(views).as("consoles read").hasSizeGreaterThan(20);
            assertThat(views).as("views showing the key").filteredOn(view -> view.contains(SECRET_KEY))
                    .filteredOn(view -> !isCamelsOwnKnownLeak(camel, view)).isEmpty();
            assertThat(wireMock.getAllServeEvents()).anySatisfy(event -> assertThat(
                    event.getRequest().getHeader("API-KEY")).isEqualTo(SECRET_KEY));
        }
    }

    @Test
    void aKeyInAnEndpointUriIsWarnedAbout() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            camel.getEndpoint(uri("conferences", "showConference"));
        } finally {
            System.setErr(originalErr);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("The BigMarker apiKey is set in an endpoint URI")
                .contains("camel.component.bigmarker.apiKey").doesNotContain(API_KEY);
    }
}

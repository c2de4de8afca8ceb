package org.camelbigmarker;

import org.camelbigmarker.testing.WireMockTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key, the password and a login token never reach a log line, an exception message, or an endpoint URI as
 * Camel prints it, through successes, error answers, retries, I/O failures and bad input. The component's loggers
 * run at DEBUG here (src/test/resources/simplelogger.properties).
 */
class SecretMaskingTest extends WireMockTestSupport {

    private static final String PASSWORD = "pw-4d1e8b7731";
    private static final String TOKEN = "token-92c0aa61f3";

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final List<String> exceptionTexts = new ArrayList<>();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:show").routeId("show").to(uri("conferences", "showConference", "conferenceId=c1"));
            }
        };
    }

    @BeforeEach
    void captureOutput() {
        originalErr = System.err;
        originalOut = System.out;
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(both);
        System.setOut(both);
    }

    @AfterEach
    void restoreOutput() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    private void send(String uri, Object body) {
        Exchange exchange = template.request(uri, e -> e.getMessage().setBody(body));
        if (exchange.getException() != null) {
            Throwable cause = exchange.getException();
            while (cause != null) {
                exceptionTexts.add(cause.toString());
                cause = cause.getCause();
            }
        }
    }

    @Test
    void secretsAppearNowhere() {
        wireMock.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"c1\"}")));
        send("direct:show", null);
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"Missing or invalid API key.\"}")));
        send("direct:show", null);
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
        send(uri("conferences", "showConference", "conferenceId=c1", "maxRetries=1"), null);
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        send(uri("conferences", "showConference", "conferenceId=c1", "maxRetries=1"), null);
        send(uri("registrations", "register"), Map.of("email", "a@x.com"));

        String login = "bigmarker:conferences?operation=showConference&conferenceId=c1&email=ada@example.com"
                       + "&password=" + PASSWORD + "&allowPlainHttp=true&baseUrl=" + baseUrl();
        wireMock.stubFor(post(urlPathEqualTo("/api/v1/members/login"))
                .willReturn(okJson("[{\"api_token\":\"" + TOKEN + "\"}]")));
        send(login, null);
        wireMock.stubFor(post(urlPathEqualTo("/api/v1/members/login")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"authentication_error\"}")));
        send(login.replace("conferenceId=c1", "conferenceId=c2"), null);

        List<String> printed = new ArrayList<>(exceptionTexts);
        printed.add(captured.toString(StandardCharsets.UTF_8));
        context.getEndpoints().forEach(endpoint -> printed.add(endpoint.toString()));
        context.getRoutes().forEach(route -> printed.add(route.getEndpoint() + " " + route));

        assertThat(exceptionTexts).as("failures happened, so there was something to leak").hasSizeGreaterThan(3);
        assertThat(captured.toString(StandardCharsets.UTF_8)).as("the component logged at DEBUG")
                .contains("BigMarker operation showConference");
        assertThat(String.join("\n", printed)).doesNotContain(API_KEY).doesNotContain(PASSWORD).doesNotContain(TOKEN);
    }
}

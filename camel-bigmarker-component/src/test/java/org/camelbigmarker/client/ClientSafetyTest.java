package org.camelbigmarker.client;

import org.camelbigmarker.testing.WireMockTestSupport;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.util.TimeValue;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.client.BigMarkerApiException;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component owns the safety of every request, whatever the user customises: a configurer that asks for redirects
 * and automatic retries gets neither, a client bound in the registry is not picked up, and no key or body reaches
 * another host.
 */
class ClientSafetyTest extends WireMockTestSupport {

    /** A configurer doing what a careless one would: follow redirects, retry idempotent methods; and add a header. */
    private static CamelContext contextWithRecklessConfigurer(String baseUrl) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("someoneElsesClient", HttpClients.createDefault()); // once autowired; never again
        BigMarkerComponent component = new BigMarkerComponent();
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setBaseUrl(baseUrl);
        component.getConfiguration().setAllowPlainHttp(true);
        component.getConfiguration().setRetryInitialDelay(10);
        component.setHttpClientConfigurer(builder -> builder
                .setRedirectStrategy(DefaultRedirectStrategy.INSTANCE)
                .setRetryStrategy(new DefaultHttpRequestRetryStrategy(5, TimeValue.ZERO_MILLISECONDS))
                .addRequestInterceptorFirst((request, entity, context) -> request.addHeader("X-Traced", "yes")));
        camel.addComponent("bigmarker", component);
        camel.start();
        return camel;
    }

    @Test
    void noRedirectIsFollowedSoNoKeyOrBodyReachesAnotherHost() throws Exception {
        try (RecordingHost otherHost = new RecordingHost();
             CamelContext camel = contextWithRecklessConfigurer(baseUrl())) {
            wireMock.stubFor(get(urlPathEqualTo("/api/v1/conferences/c1")).willReturn(
                    aResponse().withStatus(302).withHeader("Location", otherHost.url("/steal"))));
            wireMock.stubFor(post(urlPathEqualTo("/api/v1/conferences")).willReturn(
                    aResponse().withStatus(307).withHeader("Location", otherHost.url("/steal-body"))));

            Exchange show = camel.createProducerTemplate().request(
                    "bigmarker:conferences?operation=showConference&conferenceId=c1", e -> {
                    });
            Exchange create = camel.createProducerTemplate().request(
                    "bigmarker:conferences?operation=createConference", e -> e.getMessage().setBody(
                            Map.of("channel_id", "ch1", "title", "Secret launch plans")));

            assertThat(otherHost.received()).as("nothing reached the other host").isEmpty();
            assertThat(((BigMarkerApiException) show.getException()).getStatusCode()).isEqualTo(302);
            assertThat(((BigMarkerApiException) create.getException()).getStatusCode()).isEqualTo(307);
            assertThat(wireMock.findAll(anyRequestedFor(anyUrl()).withHeader("X-Traced", equalTo("yes"))))
                    .as("the configurer's interceptor ran on both calls: it was applied, only not to safety")
                    .hasSize(2);
        }
    }

    @Test
    void aWriteIsSentOnceWhenTheServerResetsAfterReadingIt() throws Exception {
        try (RawHttpServer resetting = new RawHttpServer(RawHttpServer.Behaviour.RESET_AFTER_READING, 5000);
             CamelContext camel = contextWithRecklessConfigurer(resetting.baseUrl())) {
            // register and unregister are PUT and DELETE: "idempotent" to HttpClient's retry strategy, not to BigMarker
            Exchange register = camel.createProducerTemplate().request(
                    "bigmarker:registrations?operation=register&conferenceId=c1", e -> e.getMessage().setBody(
                            Map.of("email", "ada@example.com", "first_name", "Ada", "last_name", "Lovelace")));
            Exchange unregister = camel.createProducerTemplate().request(
                    "bigmarker:registrations?operation=unregister&conferenceId=c1", e -> e.getMessage().setBody(
                            Map.of("email", "ada@example.com")));

            assertThat(register.getException()).isNotNull();
            assertThat(unregister.getException()).isNotNull();
            assertThat(resetting.requestsRead()).as("each write reached the server exactly once").isEqualTo(2);
        }
    }
}

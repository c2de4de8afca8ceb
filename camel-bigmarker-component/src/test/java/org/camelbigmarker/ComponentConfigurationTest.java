package org.camelbigmarker;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Component-level defaults, and the one shared HTTP client: built once, closed only by its owner. */
class ComponentConfigurationTest extends WireMockTestSupport {

    @Test
    void componentDefaultsApplyToEveryEndpoint() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            BigMarkerComponent component = new BigMarkerComponent();
            component.getConfiguration().setApiKey(API_KEY);
            component.getConfiguration().setBaseUrl(baseUrl());
            component.getConfiguration().setAllowPlainHttp(true);
            camel.addComponent("bigmarker", component);
            camel.start();
            wireMock.stubFor(get(urlPathEqualTo("/api/v1/channels/ch1")).willReturn(okJson("{\"channel_id\":\"ch1\"}")));
            Object channel = camel.createProducerTemplate()
                    .requestBody("bigmarker:channels?operation=showChannel&channelId=ch1", (Object) null);
            assertThat(((org.camelbigmarker.model.Channel) channel).getChannelId()).isEqualTo("ch1");
            assertThat(wireMock.findAll(anyRequestedFor(anyUrl()).withHeader("API-KEY", equalTo(API_KEY))))
                    .hasSize(1);
        }
    }

    @Test
    void endpointsShareOneClientThatIsClosedWithTheComponent() throws Exception {
        CloseableHttpClient shared;
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            BigMarkerEndpoint first = camel.getEndpoint(uri("conferences", "showConference"), BigMarkerEndpoint.class);
            BigMarkerEndpoint second = camel.getEndpoint(uri("channels", "listChannels"), BigMarkerEndpoint.class);
            first.start();
            second.start();
            shared = first.getComponent().sharedHttpClient();
            assertThat(second.getComponent().sharedHttpClient()).isSameAs(shared);
        }
        assertThatThrownBy(() -> shared.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(baseUrl()),
                response -> null)).as("closed with the component").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClientTheUserGaveIsNeverClosed() throws Exception {
        CloseableHttpClient users = HttpClients.createDefault();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("myClient", users);
            camel.start();
            BigMarkerEndpoint endpoint = camel.getEndpoint(uri("conferences", "showConference"),
                    BigMarkerEndpoint.class);
            endpoint.start();
            assertThat(endpoint.getComponent().sharedHttpClient()).as("autowired").isSameAs(users);
        }
        wireMock.stubFor(get(anyUrl()).willReturn(okJson("{}")));
        Integer status = users.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(baseUrl() + "/x"),
                response -> response.getCode());
        assertThat(status).as("still usable after the context stopped").isEqualTo(200);
        users.close();
    }
}

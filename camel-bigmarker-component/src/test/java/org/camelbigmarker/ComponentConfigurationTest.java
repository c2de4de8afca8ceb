package org.camelbigmarker;

import org.camelbigmarker.testing.WireMockTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Component-level defaults, and the one shared HTTP client: built once, closed with the component. */
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
}

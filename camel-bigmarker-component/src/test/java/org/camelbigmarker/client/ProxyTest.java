package org.camelbigmarker.client;

import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.testing.WireMockTestSupport;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbigmarker.model.Channel;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** With proxyHost and proxyPort, every call goes through the proxy (a WireMock in browser-proxying mode). */
class ProxyTest extends WireMockTestSupport {

    @Test
    void callsGoThroughTheConfiguredProxy() throws Exception {
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/channels/ch1")).willReturn(okJson("{\"channel_id\":\"ch1\"}")));
        WireMockServer proxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .enableBrowserProxying(true));
        proxy.start();
        try (CamelContext camel = new DefaultCamelContext()) {
            BigMarkerComponent component = new BigMarkerComponent();
            component.setProxyHost("127.0.0.1");
            component.setProxyPort(proxy.port());
            camel.addComponent("bigmarker", component);
            camel.start();
            Object channel = camel.createProducerTemplate()
                    .requestBody(uri("channels", "showChannel", "channelId=ch1"), (Object) null);
            assertThat(((Channel) channel).getChannelId()).isEqualTo("ch1");
            assertThat(proxy.findAll(anyRequestedFor(anyUrl()))).as("through the proxy").hasSize(1);
            assertThat(proxy.findAll(anyRequestedFor(anyUrl())).get(0).getAbsoluteUrl())
                    .isEqualTo(baseUrl() + "/channels/ch1");
            assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).as("and on to BigMarker").hasSize(1);
        } finally {
            proxy.stop();
        }
    }
}

package org.camelbigmarker.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A CamelContext plus a WireMock server on loopback standing in for BigMarker. */
public abstract class WireMockTestSupport extends CamelTestSupport {

    protected static final String API_KEY = "test-key-7f3a9c2e51";
    protected static WireMockServer wireMock;

    @BeforeAll
    public static void startWireMock() {
        wireMock = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
    }

    @AfterAll
    public static void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    public void resetWireMock() {
        wireMock.resetAll();
    }

    protected static String baseUrl() {
        return "http://127.0.0.1:" + wireMock.port() + "/api/v1";
    }

    /** An endpoint URI against the WireMock server, with the test key and fast retries. */
    protected static String uri(String group, String operation, String... options) {
        StringBuilder uri = new StringBuilder("bigmarker:").append(group).append("?apiKey=").append(API_KEY)
                .append("&baseUrl=").append(baseUrl()).append("&allowPlainHttp=true")
                .append("&retryInitialDelay=10&retryMaxDelay=2000");
        if (operation != null) {
            uri.append("&operation=").append(operation);
        }
        for (String option : options) {
            uri.append('&').append(option);
        }
        return uri.toString();
    }
}

package org.camelbigmarker.examples;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A minimal stand-in for BigMarker on loopback with the two calls the quickstart makes, answering with the API
 * document's shapes and checking the API-KEY header like BigMarker does.
 */
final class QuickstartSandbox {

    static final String API_KEY = "sandbox-key";
    static final String CHANNEL = "acme-webinars";

    private final WireMockServer server;

    private QuickstartSandbox(WireMockServer server) {
        this.server = server;
    }

    static QuickstartSandbox start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort().disableRequestJournal());
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Missing or invalid API key.\"}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/channels/" + CHANNEL + "/conferences"))
                .withHeader("API-KEY", equalTo(API_KEY)).atPriority(1)
                .willReturn(okJson("{\"conferences\":[{\"id\":\"c0ffee01\",\"title\":\"Camel in Production\","
                                   + "\"start_time\":\"2026-12-03 15:00\",\"channel_id\":\"" + CHANNEL + "\"},"
                                   + "{\"id\":\"c0ffee02\",\"title\":\"Integration Patterns 101\","
                                   + "\"start_time\":\"2026-12-10 15:00\",\"channel_id\":\"" + CHANNEL + "\"}]}")));
        server.stubFor(put(urlPathEqualTo("/api/v1/conferences/register_or_update"))
                .withHeader("API-KEY", equalTo(API_KEY)).withRequestBody(containing("email=")).atPriority(1)
                .willReturn(okJson("{\"conference_url\":\"https://www.bigmarker.com/" + CHANNEL
                                   + "/camel-in-production?bmid=b0a7\"}")));
        return new QuickstartSandbox(server);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/api/v1";
    }

    void stop() {
        server.stop();
    }
}

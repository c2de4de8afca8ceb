package org.camelbigmarker.producer;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.client.BigMarkerApiException;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The sandbox answers what it does not hold as the API document says BigMarker does, so that a misconfigured id fails
 * a test against it as it would fail against BigMarker; and its request log can be read while it serves.
 */
class SandboxAnswersTest {

    private static BigMarkerApiException failureOf(ProducerTemplate template, String uri) {
        CamelExecutionException failed = catchThrowableOfType(CamelExecutionException.class,
                () -> template.requestBody(uri, (Object) null));
        assertThat(failed).as(uri).isNotNull();
        return (BigMarkerApiException) failed.getCause();
    }

    @Test
    void anUnknownChannelOrConferenceIsRefusedAsTheDocumentSays() throws Exception {
        try (BigMarkerSandbox sandbox = BigMarkerSandbox.start().seedDemoData()) {
            CamelContext camel = new DefaultCamelContext();
            BigMarkerComponent component = camel.getComponent("bigmarker", BigMarkerComponent.class);
            component.getConfiguration().setApiKey(sandbox.apiKey());
            component.getConfiguration().setBaseUrl(sandbox.baseUrl());
            component.getConfiguration().setAllowPlainHttp(true);
            component.getConfiguration().setMaxRetries(0);
            camel.start();
            try {
                ProducerTemplate template = camel.createProducerTemplate();
                BigMarkerApiException channel = failureOf(template,
                        "bigmarker:registrations?operation=listChannelRegistrations&channelId=no-such-channel");
                assertThat(channel.getStatusCode()).isEqualTo(403);
                assertThat(channel.getMessage()).contains("You don\u2019t have access to this channel");
                BigMarkerApiException conferences = failureOf(template,
                        "bigmarker:channels?operation=listChannelConferences&param.channel_url=no-such-channel");
                assertThat(conferences.getStatusCode()).isEqualTo(404);
                assertThat(conferences.getMessage()).contains("Channel Not Found!");
                BigMarkerApiException conference = failureOf(template,
                        "bigmarker:registrations?operation=listRegistrations&conferenceId=no-such-conference");
                assertThat(conference.getStatusCode()).isEqualTo(404);
                Object known = template.requestBody("bigmarker:registrations?operation=listChannelRegistrations"
                                                    + "&channelId=" + sandbox.channel() + "&outputType=map",
                        (Object) null);
                assertThat((List<?>) known).isNotEmpty();
            } finally {
                camel.stop();
            }
        }
    }

    @Test
    void theRequestLogIsASnapshotSafeToReadWhileTheSandboxServes() throws Exception {
        try (BigMarkerSandbox sandbox = BigMarkerSandbox.start().seedDemoData()) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpRequest channels = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(sandbox.baseUrl() + "/channels")).header("API-KEY", sandbox.apiKey()).build();
            ExecutorService callers = Executors.newFixedThreadPool(4);
            try {
                Future<?> serving = callers.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        http.send(channels, java.net.http.HttpResponse.BodyHandlers.discarding());
                    }
                    return null;
                });
                while (!serving.isDone()) {
                    List<String> snapshot = sandbox.requests();
                    snapshot.forEach(String::length); // iterating a live list here used to throw
                }
                serving.get();
            } finally {
                callers.shutdownNow();
            }
            assertThat(sandbox.requestCount()).isEqualTo(300);
            assertThat(sandbox.requests()).hasSize(300).allMatch(request -> request.startsWith("GET "));
        }
    }
}

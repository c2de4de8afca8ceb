package org.camelbigmarker.client;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelbigmarker.client.BigMarkerApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Answers of any size cost bounded memory: a 100 MB list answer, a 100 MB HTML error page and an endless one. Memory
 * is measured as the bytes the calling thread allocated during the call (the producer reads the answer on that
 * thread), which a body read whole would push past 100 MB.
 */
class BoundedAnswerTest extends CamelTestSupport {

    private static final long HUNDRED_MB = 100L * 1024 * 1024;
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/conferences/chunked", exchange -> stream(exchange, 200, "application/json",
                "{\"conferences\":[", HUNDRED_MB, false));
        server.createContext("/api/v1/conferences/declared", exchange -> stream(exchange, 200, "application/json",
                "{\"conferences\":[", HUNDRED_MB, true));
        server.createContext("/api/v1/conferences/error-page", exchange -> stream(exchange, 500, "text/html",
                "<html><head><title>Internal Server Error</title></head><body>", HUNDRED_MB, false));
        server.createContext("/api/v1/conferences/endless", exchange -> stream(exchange, 200, "application/json",
                "{\"conferences\":[", Long.MAX_VALUE, false));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /** Writes a head, then list items up to {@code size} bytes, until done or the client goes away. */
    private static void stream(HttpExchange exchange, int status, String contentType, String head, long size,
                               boolean declareLength) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, declareLength ? size : 0);
        byte[] item = "{\"id\":\"c1\",\"title\":\"A conference\"},".getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[item.length * 2000];
        for (int i = 0; i < 2000; i++) {
            System.arraycopy(item, 0, chunk, i * item.length, item.length);
        }
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            for (long written = head.length(); written < size; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        } catch (IOException clientLeft) {
            // expected: the client stops reading at its limit
        }
    }

    private Exchange show(String conference, String options) {
        return template.request("bigmarker:conferences?operation=showConference&conferenceId=" + conference
                                + "&apiKey=k&allowPlainHttp=true&maxRetries=0&baseUrl=http://127.0.0.1:"
                                + server.getAddress().getPort() + "/api/v1" + options, e -> {
                                });
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void anAnswerLargerThanMaxResponseSizeIsRefusedWithoutBeingRead() {
        for (String shape : Arrays.asList("chunked", "declared")) {
            long before = allocatedByThisThread();
            Exchange exchange = show(shape, "&maxResponseSize=1048576");
            long allocated = allocatedByThisThread() - before;

            BigMarkerApiException error = (BigMarkerApiException) exchange.getException();
            assertThat(error.getErrorType()).as(shape).isEqualTo("answer_too_large");
            assertThat(error.getMessage()).as(shape).contains("maxResponseSize (1048576 bytes)");
            assertThat(allocated).as(shape + ": bytes allocated for a 100 MB answer").isLessThan(16L * 1024 * 1024);
        }
    }

    @Test
    void aHugeErrorPageCostsAFewKilobytesAndSaysWhatHappened() {
        long before = allocatedByThisThread();
        Exchange exchange = show("error-page", "");
        long allocated = allocatedByThisThread() - before;

        BigMarkerApiException error = (BigMarkerApiException) exchange.getException();
        assertThat(error.getStatusCode()).isEqualTo(500);
        assertThat(error.getMessage()).startsWith("BigMarker operation showConference failed: HTTP 500")
                .contains("Internal Server Error").doesNotContain("baseUrl");
        assertThat(allocated).as("bytes allocated for a 100 MB error page").isLessThan(8L * 1024 * 1024);
    }

    @Test
    void anEndlessAnswerIsCutOffNotDrained() {
        Exchange exchange = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> show("endless",
                "&maxResponseSize=1048576"));
        assertThat(((BigMarkerApiException) exchange.getException()).getErrorType()).isEqualTo("answer_too_large");
    }
}

package org.camelbigmarker.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.docshape.DocumentShapedBigMarker;
import org.camelbigmarker.testing.LoopbackPlatformHttp;
import org.camelbigmarker.state.JdbcConsumerStore;

/**
 * New-registration webhooks pushed at a steady rate into a webhook consumer (its poll running beside it every
 * second, a JdbcConsumerStore on H2 through HikariCP), and the same pushes into a bare platform-http route on the
 * same server doing the same work (read the JSON, take the email): push-to-route latency (p50, p99, max), POST round
 * trip p99, answers other than 200, and every registration counted (lost, twice).
 */
final class WebhookLoadRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One side's figures, in milliseconds. */
    record Result(String route, int pushed, double p50, double p99, double max, double roundTripP99, long notOk,
                  long lost, long twice) {
    }

    private WebhookLoadRun() {
    }

    static List<Result> run(int perSecond, int seconds) throws Exception {
        int port = LoopbackPlatformHttp.freePort();
        Map<String, Long> pushedAt = new ConcurrentHashMap<>();
        Map<String, Long> consumerArrival = new ConcurrentHashMap<>();
        Map<String, Long> bareArrival = new ConcurrentHashMap<>();
        AtomicLong consumerTwice = new AtomicLong();
        AtomicLong bareTwice = new AtomicLong();
        try (DocumentShapedBigMarker server = new DocumentShapedBigMarker();
             com.zaxxer.hikari.HikariDataSource database = pool();
             CamelContext camel = new DefaultCamelContext()) {
            server.conference("c1", "future");
            LoopbackPlatformHttp.addTo(camel, port);
            camel.getRegistry().bind("store", new JdbcConsumerStore(database));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("bigmarker:registrations?operation=listRegistrations&conferenceId=c1&webhook=true"
                         + "&webhookBaseUrl=http://127.0.0.1:" + port + "&consumerStore=#store&delay=1000"
                         + "&apiKey=k&allowPlainHttp=true&baseUrl=" + server.baseUrl())
                            .routeId("consumer")
                            .process(arrived(consumerArrival, consumerTwice,
                                    e -> e.getMessage().getHeader(BigMarkerConstants.EMAIL, String.class)));
                    from("platform-http:/bare?httpMethodRestrict=POST").routeId("bare")
                            .process(arrived(bareArrival, bareTwice, e -> emailIn(e.getMessage().getBody(byte[].class))))
                            .setBody(constant("{\"status\":200}"));
                }
            });
            camel.start();
            String webhook = (String) server.updatesOf("c1").get("new_reg_webhook_url");
            String bare = "http://127.0.0.1:" + port + "/bare";
            // both paths warmed up (JIT, connections) before anything is measured
            push("warm-up", bare, "warmbare", perSecond, 3, pushedAt, bareArrival, new AtomicLong());
            push("warm-up", webhook, "warmhook", perSecond, 3, pushedAt, consumerArrival, new AtomicLong());
            List<Result> results = new ArrayList<>();
            results.add(push("bare platform-http route", bare, "bare", perSecond, seconds, pushedAt, bareArrival,
                    bareTwice));
            results.add(push("webhook consumer (JDBC store on H2, poll every second)", webhook, "hook", perSecond,
                    seconds, pushedAt, consumerArrival, consumerTwice));
            return results;
        }
    }

    private static org.apache.camel.Processor arrived(Map<String, Long> arrival, AtomicLong twice,
                                                      Function<Exchange, String> email) {
        return exchange -> {
            long now = System.nanoTime();
            if (arrival.putIfAbsent(email.apply(exchange), now) != null) {
                twice.incrementAndGet();
            }
        };
    }

    private static String emailIn(byte[] body) {
        try {
            return JSON.readTree(body).path("registration").path("email").asText();
        } catch (java.io.IOException unreadable) {
            throw new IllegalArgumentException(unreadable);
        }
    }

    /** Pushes {@code perSecond} registrations a second for {@code seconds}, each once, and waits for the answers. */
    private static Result push(String name, String url, String prefix, int perSecond, int seconds,
                               Map<String, Long> pushedAt, Map<String, Long> arrival, AtomicLong twice)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int total = perSecond * seconds;
        List<CompletableFuture<Long>> answers = new ArrayList<>(total);
        AtomicLong notOk = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + TimeUnit.SECONDS.toNanos(i) / perSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String email = prefix + i + "@example.com";
            String payload = "{\"registration\":{\"email\":\"" + email + "\",\"first_name\":\"P\",\"last_name\":\"L\","
                             + "\"bmid\":\"b" + i + "\"}}";
            long sent = System.nanoTime();
            pushedAt.put(email, sent);
            answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create(url))
                            .POST(HttpRequest.BodyPublishers.ofString(payload))
                            .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding())
                    .thenApply(answer -> {
                        if (answer.statusCode() != 200) {
                            notOk.incrementAndGet();
                        }
                        return System.nanoTime() - sent;
                    }));
        }
        List<Long> roundTrips = new ArrayList<>(total);
        for (CompletableFuture<Long> answer : answers) {
            roundTrips.add(answer.get(60, TimeUnit.SECONDS));
        }
        List<Long> latencies = new ArrayList<>(total);
        long lost = 0;
        for (int i = 0; i < total; i++) {
            String email = prefix + i + "@example.com";
            Long arrived = arrival.get(email);
            if (arrived == null) {
                lost++;
            } else {
                latencies.add(arrived - pushedAt.get(email));
            }
        }
        Collections.sort(latencies);
        Collections.sort(roundTrips);
        return new Result(name, total, millis(latencies, 0.50), millis(latencies, 0.99), millis(latencies, 1.0),
                millis(roundTrips, 0.99), notOk.get(), lost, twice.get());
    }

    private static double millis(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? Double.NaN : Quantile.of(sorted, quantile) / 1e6;
    }

    private static com.zaxxer.hikari.HikariDataSource pool() {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:webhook-load-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(10);
        return new com.zaxxer.hikari.HikariDataSource(config);
    }
}

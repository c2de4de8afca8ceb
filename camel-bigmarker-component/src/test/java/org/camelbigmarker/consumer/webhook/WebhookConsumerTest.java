package org.camelbigmarker.consumer.webhook;

import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.BigMarkerEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbigmarker.consumer.BigMarkerConsumer;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.camelbigmarker.state.JdbcConsumerStore;
import org.camelbigmarker.state.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook consumer (webhook=true) against the sandbox, which sends BigMarker's new-registration webhooks: faster
 * than the poll, every registration once when webhooks are dropped and repeated, requests that are not BigMarker's
 * refused before the route, the conference's webhook set at start and restored at stop, a restart in a stream.
 */
class WebhookConsumerTest {

    private record Delivery(String email, String by) {
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final java.util.Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private BigMarkerSandbox server;
    private CamelContext camel;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = BigMarkerSandbox.start();
        server.conference("c1", "future");
        port = org.camelbigmarker.testing.LoopbackPlatformHttp.freePort();
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        server.close();
    }

    /** A CamelContext with a platform-http server on loopback and the webhook consumer route. */
    private CamelContext startRoute(String options, Object store) throws Exception {
        return startRoute(options, store, "listRegistrations&conferenceId=c1");
    }

    private CamelContext startRoute(String options, Object store, String operation) throws Exception {
        return startConsumer("registrations?operation=" + operation + "&" + options, store);
    }

    private CamelContext startConsumer(String groupAndOptions, Object store) throws Exception {
        CamelContext context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration httpServer = new VertxPlatformHttpServerConfiguration();
        httpServer.setBindHost("127.0.0.1");
        httpServer.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(httpServer));
        context.getRegistry().bind("store", store);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("bigmarker:" + groupAndOptions + "&webhook=true"
                     + "&webhookBaseUrl=http://127.0.0.1:" + port + "&consumerStore=#store&apiKey="
                     + BigMarkerSandbox.API_KEY + "&baseUrl=" + server.baseUrl() + "&allowPlainHttp=true")
                        .routeId("registrations").process(exchange -> {
                            String email = exchange.getMessage().getHeader(BigMarkerConstants.EMAIL, String.class);
                            if (email == null) { // a conference event: the conference stands for the item
                                email = exchange.getMessage().getHeader(BigMarkerConstants.EVENT) + ":"
                                        + exchange.getMessage().getHeader(BigMarkerConstants.CONFERENCE_ID);
                            }
                            if (failOnce.remove(email)) {
                                throw new IllegalStateException("the route failed for " + email);
                            }
                            deliveredAt.putIfAbsent(email, System.nanoTime());
                            deliveries.add(new Delivery(email,
                                    exchange.getMessage().getHeader(BigMarkerConstants.DELIVERED_BY, String.class)));
                        });
            }
        });
        context.start();
        camel = context;
        return context;
    }

    private String webhookUrl() {
        return server.webhookFields("c1").get("new_reg_webhook_url");
    }

    private List<String> emails() {
        return deliveries.stream().map(Delivery::email).toList();
    }

    private Map<String, Long> deliveredBy() {
        return deliveries.stream().collect(Collectors.groupingBy(Delivery::by, Collectors.counting()));
    }

    @Test
    void aRegistrationReachesTheRouteByWebhookWellUnderASecond() throws Exception {
        startRoute("initialDelay=60000&delay=60000", new org.camelbigmarker.state.MemoryConsumerStore());
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long registeredAt = System.nanoTime();
            String email = server.register("c1", 1).get(0);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                    .until(() -> deliveredAt.containsKey(email));
            millis.add((deliveredAt.get(email) - registeredAt) / 1_000_000);
        }
        System.out.printf("[webhook] registration to route: %s ms (the poll would take up to 60000 ms)%n", millis);
        assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(1000));
        assertThat(deliveredBy()).containsOnlyKeys("webhook");
    }

    @Test
    void droppedAndRepeatedWebhooksStillDeliverEveryRegistrationExactlyOnce() throws Exception {
        server.webhookFaults(0.3, 0.2, Duration.ZERO, 11);
        startRoute("initialDelay=500&delay=500", new org.camelbigmarker.state.MemoryConsumerStore());
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            registered.addAll(server.register("c1", 1));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> emails().stream().distinct().count() == registered.size());
        server.awaitWebhooksSent(Duration.ofSeconds(10)); // the repeated ones too
        awaitPolls(3); // and more polls: anything delivered twice would show now
        assertThat(emails()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(registered);
        long dropped = server.webhookDeliveries().stream().filter(delivery -> delivery.status() == -1).count();
        System.out.printf("[webhook] 40 registrations, %d webhooks dropped: delivered by %s%n", dropped, deliveredBy());
        assertThat(dropped).isPositive();
        assertThat(deliveredBy().get("webhook")).isPositive();
        assertThat(deliveredBy().get("poll")).as("the reconciliation caught the dropped ones").isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatIsNotBigMarkersPostIsRefusedAndNeverReachesTheRoute() throws Exception {
        startRoute("initialDelay=60000&delay=60000&webhookMaxBodySize=2048", new org.camelbigmarker.state.MemoryConsumerStore());
        String url = webhookUrl();
        assertThat(url).startsWith("http://127.0.0.1:" + port + "/bigmarker/webhooks/listRegistrations-").endsWith("/c1");
        String[] segments = url.split("/");
        String token = segments[segments.length - 2];
        assertThat(token).matches("[0-9a-f]{32}");
        String payload = "{\"registration\":{\"email\":\"intruder@example.com\",\"first_name\":\"I\",\"last_name\":\"N\"}}";
        String wrongToken = url.replace(token, token.substring(0, 31) + (token.endsWith("0") ? "1" : "0"));

        assertThat(post(wrongToken, payload)).isEqualTo(404);
        String otherConference = url.substring(0, url.lastIndexOf('/') + 1) + "c9"; // the token may start with c1
        assertThat(post(otherConference, payload)).as("a conference not in scope").isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);
        assertThat(post(url, "{\"registration\":{\"email\":\"big@example.com\",\"note\":\"" + "x".repeat(4096) + "\"}}"))
                .isEqualTo(413);
        assertThat(post(url, "not json")).isEqualTo(400);
        assertThat(post(url, "{\"registration\":{}}")).isEqualTo(400);
        // each answer came after the receiver decided: a refused request has nothing left to deliver
        assertThat(deliveries).as("nothing refused reached the route").isEmpty();

        BigMarkerConsumer consumer = (BigMarkerConsumer) camel.getRoute("registrations").getConsumer();
        Map<String, Object> counts = (Map<String, Object>) consumer.status().get("webhook");
        assertThat(counts).containsEntry("refusedWrongToken", 1L).containsEntry("refusedUnknownConference", 1L)
                .containsEntry("refusedNotPost", 1L)
                .containsEntry("refusedTooLarge", 1L).containsEntry("refusedUnreadable", 2L)
                .doesNotContainKey("receivedDelivered");
        assertThat(counts.toString()).doesNotContain(token);
        // asked directly: Camel's default exposure level folds several UP checks into one result
        org.apache.camel.health.HealthCheck.Result health = org.apache.camel.health.HealthCheckRegistry.get(camel)
                .getCheck("bigmarker-webhook-registrations").orElseThrow().call();
        assertThat(health.getState()).isEqualTo(org.apache.camel.health.HealthCheck.State.UP);
        assertThat(health.getDetails()).containsEntry("bigmarker.webhook.refusedWrongToken", 1L)
                .containsEntry("bigmarker.webhook.refusedTooLarge", 1L);

        assertThat(post(url, payload)).as("the right token and a good payload").isEqualTo(200);
        assertThat(emails()).containsExactly("intruder@example.com");
        assertThat(post(url, payload)).as("the same again").isEqualTo(200);
        assertThat(emails()).hasSize(1);
    }

    /** Waits for this many more polls of the registrations route: what they would deliver twice shows after them. */
    private void awaitPolls(int polls) {
        BigMarkerConsumer consumer = (BigMarkerConsumer) camel.getRoute("registrations").getConsumer();
        long target = consumer.getCounter() + polls;
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getCounter() >= target);
    }

    private int post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void aRouteFailureAnswers500AndThePollDeliversTheRegistrationLater() throws Exception {
        server.register("c1", "flaky@example.com", "Flaky", "Route", Map.of()); // at BigMarker, for the poll
        failOnce.add("flaky@example.com");
        startRoute("initialDelay=2000&delay=500", new org.camelbigmarker.state.MemoryConsumerStore());
        String payload = "{\"registration\":{\"email\":\"flaky@example.com\",\"first_name\":\"Flaky\"}}";
        assertThat(post(webhookUrl(), payload)).as("no 2xx for a failed exchange").isEqualTo(500);
        assertThat(emails()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> emails().contains("flaky@example.com"));
        awaitPolls(2);
        assertThat(deliveries).containsExactly(new Delivery("flaky@example.com", "poll"));
    }

    @Test
    void theConferencesWebhookIsSetAtStartAndRestoredAtStop() throws Exception {
        CamelContext setup = new DefaultCamelContext();
        setup.start();
        setup.createProducerTemplate().requestBodyAndHeader("bigmarker:conferences?operation=updateConference&apiKey="
                + BigMarkerSandbox.API_KEY + "&baseUrl=" + server.baseUrl() + "&allowPlainHttp=true",
                Map.of("enable_new_reg_webhook", false, "new_reg_webhook_url", "https://crm.example.com/hook"),
                BigMarkerConstants.CONFERENCE_ID, "c1");
        setup.stop();

        startRoute("initialDelay=60000&delay=60000", new org.camelbigmarker.state.MemoryConsumerStore());
        assertThat(server.webhookFields("c1")).containsEntry("enable_new_reg_webhook", "true")
                .hasEntrySatisfying("new_reg_webhook_url", url -> assertThat(url).startsWith("http://127.0.0.1:" + port));
        camel.getRouteController().stopRoute("registrations");
        assertThat(server.webhookFields("c1")).containsEntry("enable_new_reg_webhook", "false")
                .containsEntry("new_reg_webhook_url", "https://crm.example.com/hook");
        camel.stop();

        startRoute("initialDelay=60000&delay=60000&webhookKeepRegistration=true",
                new org.camelbigmarker.state.MemoryConsumerStore());
        camel.stop();
        assertThat(server.webhookFields("c1")).as("kept").containsEntry("enable_new_reg_webhook", "true");
    }

    @Test
    void aChannelsUpcomingConferencesAreFollowedNewOnesIncluded() throws Exception {
        server.conference("c2", "past"); // not upcoming: left alone
        startRoute("initialDelay=0&delay=300&webhookConferenceCheckInterval=0",
                new org.camelbigmarker.state.MemoryConsumerStore(), "listChannelRegistrations&channelId="
                                                                    + server.channel());
        assertThat(server.webhookFields("c1")).containsEntry("enable_new_reg_webhook", "true");
        assertThat(server.webhookFields("c2")).doesNotContainKey("enable_new_reg_webhook");
        server.conference("c3", "future"); // created while the route runs
        await().atMost(Duration.ofSeconds(10)).until(() -> "true".equals(
                server.webhookFields("c3").get("enable_new_reg_webhook")));
        awaitPolls(1); // past the poll that registered it: what follows can only come by webhook first
        String one = server.register("c1", 1).get(0);
        String three = server.register("c3", 1).get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> emails().containsAll(List.of(one, three)));
        awaitPolls(3);
        assertThat(emails()).doesNotHaveDuplicates().containsExactlyInAnyOrder(one, three);
        camel.stop();
        assertThat(server.webhookFields("c3")).as("restored at stop").containsEntry("enable_new_reg_webhook", "false");
    }

    /**
     * A conference created while the consumer runs gets its webhook at the poll that first lists one of its
     * registrations (the separate look, webhookConferenceCheckInterval, is an hour away): its next registrations come
     * by webhook.
     */
    @Test
    void aNewConferenceGetsItsWebhookAtThePollThatFirstListsOneOfItsRegistrations() throws Exception {
        // polls 2 s apart: a push (milliseconds) comes well before the next poll could read the second registration
        startRoute("initialDelay=0&delay=2000", new org.camelbigmarker.state.MemoryConsumerStore(),
                "listChannelRegistrations&channelId=" + server.channel());
        server.conference("c3", "future"); // created while the route runs
        String first = server.register("c3", 1).get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> emails().contains(first));
        awaitPolls(1); // the poll that delivered it has ended
        assertThat(server.webhookFields("c3")).containsEntry("enable_new_reg_webhook", "true");
        String second = server.register("c3", 1).get(0);
        server.awaitWebhooksSent(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> emails().contains(second));
        assertThat(deliveries).contains(new Delivery(first, "poll"), new Delivery(second, "webhook"));
    }

    @Test
    void conferenceStartsAndEndsArriveByWebhookAndThePollCatchesTheLostOnes() throws Exception {
        server.conference("c2", "future");
        startConsumer("conferences?event=conferenceStarted&initialDelay=0&delay=500",
                new org.camelbigmarker.state.MemoryConsumerStore());
        assertThat(server.webhookFields("c1")).containsEntry("enable_webinar_start_webhook", "true");
        assertThat(server.webhookFields("c2")).containsEntry("enable_webinar_start_webhook", "true");

        long startedAt = System.nanoTime();
        server.startConference("c1");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> deliveredAt.containsKey("conferenceStarted:c1"));
        System.out.printf("[webhook] conference start to route: %d ms%n",
                (deliveredAt.get("conferenceStarted:c1") - startedAt) / 1_000_000);
        assertThat(deliveries).singleElement().isEqualTo(new Delivery("conferenceStarted:c1", "webhook"));

        server.webhookFaults(1.0, 0, Duration.ZERO, 3); // every webhook lost from now on
        server.startConference("c2");
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveredAt.containsKey("conferenceStarted:c2"));
        server.awaitWebhooksSent(Duration.ofSeconds(10));
        awaitPolls(2);
        assertThat(deliveries).containsExactly(new Delivery("conferenceStarted:c1", "webhook"),
                new Delivery("conferenceStarted:c2", "poll"));
        camel.stop();
        assertThat(server.webhookFields("c2")).as("restored").containsEntry("enable_webinar_start_webhook", "false");
    }

    @Test
    void aConferenceEndArrivesByWebhookOnce() throws Exception {
        server.webhookFaults(0, 1.0, Duration.ZERO, 5); // every webhook sent twice
        startConsumer("conferences?event=conferenceEnded&initialDelay=0&delay=500",
                new org.camelbigmarker.state.MemoryConsumerStore());
        server.endConference("c1");
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveredAt.containsKey("conferenceEnded:c1"));
        server.awaitWebhooksSent(Duration.ofSeconds(10)); // the second copy
        awaitPolls(2);
        assertThat(deliveries).containsExactly(new Delivery("conferenceEnded:c1", "webhook"));
    }

    @Test
    void aWaitingRoomOpeningIsPushedOnlyAndDeliveredOncePerConference() throws Exception {
        server.webhookFaults(0, 1.0, Duration.ZERO, 5); // every webhook sent twice
        startConsumer("conferences?event=waitingRoomOpened&conferenceId=c1", new org.camelbigmarker.state.MemoryConsumerStore());
        assertThat(server.webhookFields("c1")).containsEntry("enable_waiting_room_open_webhook", "true");
        server.openWaitingRoom("c1");
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveredAt.containsKey("waitingRoomOpened:c1"));
        server.awaitWebhooksSent(Duration.ofSeconds(10)); // the second copy
        assertThat(deliveries).containsExactly(new Delivery("waitingRoomOpened:c1", "webhook"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void liveAttendeeAndOnDemandViewerDataArriveWithTheirPayloadOnce() throws Exception {
        server.webhookFaults(0, 1.0, Duration.ZERO, 5);
        List<Object> bodies = new CopyOnWriteArrayList<>();
        CamelContext context = startConsumer("conferences?event=liveAttendeeData&conferenceId=c1",
                new org.camelbigmarker.state.MemoryConsumerStore());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("bigmarker:conferences?event=onDemandViewer&conferenceId=c1&outputType=map&webhook=true"
                     + "&webhookBaseUrl=http://127.0.0.1:" + port + "&apiKey=" + BigMarkerSandbox.API_KEY
                     + "&baseUrl=" + server.baseUrl() + "&allowPlainHttp=true").routeId("viewers")
                        .process(exchange -> bodies.add(exchange.getMessage().getBody()));
            }
        });
        assertThat(server.webhookFields("c1")).containsEntry("enable_live_attendee_data_webhook", "true")
                .containsEntry("enable_on_demand_viewer_webhook", "true");
        server.attendLive("c1", "ann@example.com");
        server.attendLive("c1", "bob@example.com");
        server.addOnDemandViewer("c1", "cy@example.com");
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries.size() == 2 && bodies.size() == 1);
        server.awaitWebhooksSent(Duration.ofSeconds(10)); // the second copies
        assertThat(deliveries).hasSize(2).allSatisfy(delivery -> assertThat(delivery.email())
                .isEqualTo("liveAttendeeData:c1"));
        assertThat(bodies).singleElement().satisfies(body -> assertThat(
                (Map<String, Object>) ((Map<String, Object>) body).get("viewer")).containsEntry("email", "cy@example.com"));
    }

    @Test
    void thePollDefaultsToEveryMinuteAndBesideWebhooksToEveryFiveMinutesUnlessADelayIsGiven() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getComponent("bigmarker", BigMarkerComponent.class).getConfiguration().setApiKey("k");
        BigMarkerEndpoint withDefault = context.getEndpoint("bigmarker:registrations?operation=listRegistrations"
                + "&conferenceId=c1&webhook=true&webhookBaseUrl=https://example.com", BigMarkerEndpoint.class);
        BigMarkerEndpoint withDelay = context.getEndpoint("bigmarker:registrations?operation=listRegistrations"
                + "&conferenceId=c1&webhook=true&webhookBaseUrl=https://example.com&delay=500", BigMarkerEndpoint.class);
        BigMarkerEndpoint polling = context.getEndpoint("bigmarker:registrations?operation=listRegistrations"
                + "&conferenceId=c1", BigMarkerEndpoint.class);
        assertThat(delayOf(withDefault)).isEqualTo(300_000);
        assertThat(delayOf(withDelay)).isEqualTo(500);
        assertThat(delayOf(polling)).as("a SaaS API's cost, not Camel's half second").isEqualTo(60_000);
    }

    private static long delayOf(BigMarkerEndpoint endpoint) throws Exception {
        return ((BigMarkerConsumer) endpoint.createConsumer(exchange -> { })).getDelay();
    }

    @Test
    void anEventOnlyWebhooksBringNeedsWebhookTrue() {
        CamelContext context = new DefaultCamelContext();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("bigmarker:conferences?event=waitingRoomOpened&apiKey=k").to("mock:x");
                }
            });
            context.start();
        }).hasStackTraceContaining("webhook").hasStackTraceContaining("must be true for event=waitingRoomOpened");
        context.stop();
    }

    @Test
    void aRestartWithADurableStoreInTheMiddleOfAStreamOfWebhooksLosesNothing() throws Exception {
        DataSource database = TestDatabases.of("h2");
        startRoute("initialDelay=300&delay=300", new JdbcConsumerStore(database));
        List<String> registered = new CopyOnWriteArrayList<>();
        Thread registering = new Thread(() -> {
            for (int i = 0; i < 60; i++) {
                registered.addAll(server.register("c1", 1));
                try {
                    Thread.sleep(25); // a stream of registrations in real time, across the restart: its subject
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        });
        registering.start();
        await().until(() -> deliveries.size() >= 15);
        camel.stop(); // registrations go on meanwhile, with nobody listening
        int registeredAtStop = registered.size();
        await().atMost(Duration.ofSeconds(10)).until(() -> registered.size() >= registeredAtStop + 3);
        startRoute("initialDelay=300&delay=300", new JdbcConsumerStore(database));
        registering.join();
        await().atMost(Duration.ofSeconds(20)).until(() -> emails().stream().distinct().count() == registered.size());
        server.awaitWebhooksSent(Duration.ofSeconds(10));
        awaitPolls(2);
        assertThat(emails()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(registered);
        System.out.printf("[webhook] restart in a stream of %d: delivered by %s%n", registered.size(), deliveredBy());
    }
}

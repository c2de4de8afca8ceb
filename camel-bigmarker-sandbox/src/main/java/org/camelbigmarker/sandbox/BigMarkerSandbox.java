package org.camelbigmarker.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An embedded, stateful stand-in for the BigMarker API on loopback, for examples and tests: the document's paths,
 * methods, JSON envelopes, paging and error bodies, and the API-KEY check, for the actions the examples and the
 * consumers use (see docs/sandbox.md for the list). It also captures what is POSTed under {@link #crmUrl()}, standing
 * in for a CRM, and can inject faults into the next matching requests.
 *
 * <pre>
 * try (BigMarkerSandbox sandbox = BigMarkerSandbox.start().seedDemoData()) {
 *     component.getConfiguration().setBaseUrl(sandbox.baseUrl());
 *     component.getConfiguration().setApiKey(sandbox.apiKey());
 *     component.getConfiguration().setAllowPlainHttp(true);
 *     ...
 * }
 * </pre>
 *
 * Time: the JDK server sends the real clock in its Date header, which is the clock consumers read; {@link #advance}
 * therefore ages the stored data, which is the same thing for every comparison a reader makes.
 */
public final class BigMarkerSandbox implements AutoCloseable {

    public static final String API_KEY = "sandbox-api-key";
    public static final String CHANNEL = "acme-webinars";

    /** Faults the sandbox can inject. */
    public enum Fault {
        SERVER_ERROR, UNAVAILABLE, THROTTLED, RESET, MALFORMED_JSON, UNAUTHORIZED, SLOW
    }

    private record PendingFault(Predicate<String> matches, Fault fault) {
    }

    /** A JSON document POSTed to the CRM capture endpoint. */
    public record CrmPost(String path, JsonNode body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SandboxStore store = new SandboxStore();
    private final ApiRoutes routes = new ApiRoutes(store, CHANNEL, API_KEY);
    private final Deque<PendingFault> faults = new ConcurrentLinkedDeque<>();
    private volatile HttpCall.Shapes shapes = new HttpCall.Shapes(true, false);
    /** The most recent requests, at most {@link #REQUESTS_KEPT}; {@link #requestCount} counts them all. */
    private final java.util.Deque<String> requests = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final java.util.concurrent.atomic.AtomicInteger requestTotal = new java.util.concurrent.atomic.AtomicInteger();
    /** How many of the most recent requests {@link #requests()} shows. */
    public static final int REQUESTS_KEPT = 10_000;
    private final List<CrmPost> crmPosts = new CopyOnWriteArrayList<>();
    private final WebhookSender webhooks = new WebhookSender();

    /**
     * A webhook POST the sandbox made: the event (NEW_REGISTRATION, WEBINAR_START, ...), where, what, and the HTTP
     * status it got (0: no answer; -1: dropped on purpose by {@link #webhookFaults}).
     */
    public record WebhookDelivery(String event, String url, String body, int status) {
    }
    private Simulation simulation;

    private BigMarkerSandbox(int port) throws IOException {
        store.onNewRegistration(registration -> store.conference(registration.conference()).ifPresent(conference ->
                webhooks.fire(conference, WebhookSender.Event.NEW_REGISTRATION, newRegistrationPayload(registration))));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/api/v1/", this::handleApi);
        server.createContext("/crm/", this::handleCrm);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts an empty sandbox on a free loopback port. */
    public static BigMarkerSandbox start() throws IOException {
        return new BigMarkerSandbox(0);
    }

    /** Starts an empty sandbox on the given loopback port. */
    public static BigMarkerSandbox start(int port) throws IOException {
        return new BigMarkerSandbox(port);
    }

    /**
     * Starts a sandbox with the demo data on the given loopback port (0 for a free one): one call, for wiring by
     * properties alone, e.g. Camel JBang's
     * {@code camel.beans.bigmarkerSandbox=#class:org.camelbigmarker.sandbox.BigMarkerSandbox#startWithDemoData(8089)}.
     */
    public static BigMarkerSandbox startWithDemoData(int port) throws IOException {
        return start(port).seedDemoData();
    }

    /** Runs a seeded sandbox until stopped: prints its base URL and key. */
    public static void main(String[] args) throws Exception {
        BigMarkerSandbox sandbox = startWithDemoData(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        System.out.println("BigMarker sandbox at " + sandbox.baseUrl() + " (API key " + API_KEY + ", channel "
                           + CHANNEL + "); CRM capture at " + sandbox.crmUrl());
        Thread.currentThread().join();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    public String apiKey() {
        return API_KEY;
    }

    public String channel() {
        return CHANNEL;
    }

    /** Where a stand-in CRM listens: JSON POSTed below it is captured ({@link #crmPosts()}). */
    public String crmUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/crm";
    }

    @Override
    public void close() {
        if (simulation != null) {
            simulation.stop();
        }
        server.stop(0);
        executor.shutdownNow();
        webhooks.close();
    }

    // ---- webhooks --------------------------------------------------------------------------------------------------

    /**
     * From now on, of the webhooks conferences have enabled (Update Conference): drop {@code dropShare} of them, send
     * {@code duplicateShare} twice, each after {@code delay}; {@code seed} makes the choice repeatable.
     */
    public BigMarkerSandbox webhookFaults(double dropShare, double duplicateShare, Duration delay, long seed) {
        webhooks.simulate(dropShare, duplicateShare, delay, seed);
        return this;
    }

    /**
     * Waits until every webhook fired so far was sent (or dropped), copies included: a test then asserts on what its
     * route received instead of sleeping.
     *
     * @throws TimeoutException when they were not all sent within {@code timeout}
     */
    public void awaitWebhooksSent(Duration timeout) throws InterruptedException, TimeoutException {
        webhooks.awaitSent(timeout);
    }

    /** Every webhook POST made or dropped so far, in order. */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.deliveries();
    }

    /** The webhook fields a conference carries now (what Update Conference set), for tests of their registration. */
    public Map<String, String> webhookFields(String conference) {
        Map<String, String> fields = new java.util.TreeMap<>();
        store.conference(conference).ifPresent(json -> json.fields().forEachRemaining(field -> {
            if (field.getKey().contains("webhook")) {
                fields.put(field.getKey(), field.getValue().asText());
            }
        }));
        return fields;
    }

    /** The documented payload of the new-registration webhook: no conference id in it. */
    private static ObjectNode newRegistrationPayload(SandboxStore.Registration registration) {
        ObjectNode payload = SandboxStore.JSON.createObjectNode();
        ObjectNode fields = payload.putObject("registration");
        JsonNode json = registration.json();
        fields.put("bmid", json.path("bmid").asText()).put("first_name", json.path("first_name").asText())
                .put("last_name", json.path("last_name").asText()).put("email", json.path("email").asText())
                .put("time_stamp", json.path("registered_at").asText());
        json.path("custom_fields").fields().forEachRemaining(custom -> fields.put("custom_field_" + custom.getKey(),
                custom.getValue().asText()));
        return payload;
    }

    /** The sandbox's own shape for the lifecycle webhooks, whose payload BigMarker does not document. */
    private void fireConferenceEvent(String id, WebhookSender.Event event) {
        store.conference(id).ifPresent(conference -> webhooks.fire(conference, event, SandboxStore.JSON
                .createObjectNode().put("event", event.name().toLowerCase(java.util.Locale.ROOT))
                .put("conference_id", id).set("conference", conference.deepCopy())));
    }

    // ---- data ------------------------------------------------------------------------------------------------------

    /** The demo channel: upcoming, live and past webinars, registrations with custom fields, reports. */
    public BigMarkerSandbox seedDemoData() {
        DemoData.seed(this);
        return this;
    }

    public Instant now() {
        return Instant.ofEpochSecond(SandboxStore.now());
    }

    /** Lets {@code seconds} pass: everything stored so far becomes that much older. */
    public void advance(long seconds) {
        store.age(seconds);
    }

    /** Adds or replaces a conference of the demo channel; status is future, live or past. */
    public void conference(String id, String title, String status) {
        store.putConference(id, title, CHANNEL, status, "2026-12-01 15:00");
    }

    public void conference(String id, String status) {
        conference(id, "Webinar " + id, status);
    }

    public void startConference(String id) {
        store.setStatus(id, "live");
        fireConferenceEvent(id, WebhookSender.Event.WEBINAR_START);
    }

    /**
     * Ends a conference: it becomes past, and its reports appear: every registrant in the registrations report, two of
     * three as live attendees, the others as no-shows.
     */
    public void endConference(String id) {
        store.setStatus(id, "past");
        List<SandboxStore.Registration> registrants = store.registrations(r -> r.conference().equals(id),
                Long.MIN_VALUE);
        for (int i = 0; i < registrants.size(); i++) {
            ObjectNode registration = registrants.get(i).json();
            boolean attended = i % 3 != 2;
            ObjectNode row = reportRow(registration, attended);
            store.addReportRow(id, "registrations", row);
            store.addReportRow(id, attended ? "live_attendees" : "no_shows", row.deepCopy());
        }
        fireConferenceEvent(id, WebhookSender.Event.WEBINAR_END);
    }

    /** Someone watched the recording: a new row in the on-demand attendees report, and the on-demand viewer webhook. */
    public void addOnDemandViewer(String conference, String email) {
        ObjectNode row = SandboxStore.JSON.createObjectNode().put("id", "od-" + store.nextNumber()).put("email", email)
                .put("first_name", email.substring(0, email.indexOf('@'))).put("last_name", "Viewer")
                .put("watched", "12.0 min").put("view_start_time", now().toString());
        store.addReportRow(conference, "on_demand_attendees", row);
        fireDataEvent(conference, WebhookSender.Event.ON_DEMAND_VIEWER, "viewer", row);
    }

    /** The conference's waiting room opens: the waiting room open webhook (the sandbox's own payload shape). */
    public void openWaitingRoom(String conference) {
        fireConferenceEvent(conference, WebhookSender.Event.WAITING_ROOM_OPEN);
    }

    /** Someone is attending live: the live attendee data webhook (the sandbox's own payload shape). */
    public void attendLive(String conference, String email) {
        fireDataEvent(conference, WebhookSender.Event.LIVE_ATTENDEE_DATA, "attendee", SandboxStore.JSON
                .createObjectNode().put("email", email).put("entered_at", now().toString()));
    }

    private void fireDataEvent(String id, WebhookSender.Event event, String field, ObjectNode data) {
        store.conference(id).ifPresent(conference -> {
            ObjectNode payload = SandboxStore.JSON.createObjectNode()
                    .put("event", event.name().toLowerCase(java.util.Locale.ROOT)).put("conference_id", id);
            payload.set(field, data);
            webhooks.fire(conference, event, payload);
        });
    }

    /**
     * Registers one person (custom fields by name); returns the registration as BigMarker lists it. An unknown
     * conference is created, upcoming.
     */
    public JsonNode register(String conference, String email, String firstName, String lastName,
                             Map<String, ?> customFields) {
        if (store.conference(conference).isEmpty()) {
            conference(conference, "future");
        }
        return store.upsertRegistration(conference, email, firstName, lastName, customFields, SandboxStore.now())
                .json();
    }

    /** Registers {@code count} generated people; returns their emails. */
    public List<String> register(String conference, int count) {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long n = store.nextNumber();
            emails.add(register(conference, "person" + n + "@example.com", "Person", "" + n, Map.of())
                    .get("email").asText());
        }
        return emails;
    }

    /** Removes a registration, as Unregister does. */
    public boolean unregister(String conference, String email) {
        return store.removeRegistration(conference, email);
    }

    /** A registration BigMarker indexed late: its time is {@code secondsAgo} in the past. */
    public String registerLate(String conference, long secondsAgo) {
        String email = "late" + store.nextNumber() + "@example.com";
        store.upsertRegistration(conference, email, "Late", "Registrant", Map.of(), SandboxStore.now() - secondsAgo);
        return email;
    }

    /** The emails registered to a conference. */
    public List<String> registrations(String conference) {
        return store.registrations(r -> r.conference().equals(conference), Long.MIN_VALUE).stream()
                .map(SandboxStore.Registration::email).toList();
    }

    /** How many registrations the sandbox holds, over all conferences. */
    public int registrationCount() {
        return store.registrations(r -> true, Long.MIN_VALUE).size();
    }

    /** Adds a row to a report (the report's path segment: live_attendees, no_shows, on_demand_attendees...). */
    public void reportRow(String conference, String report, ObjectNode row) {
        store.addReportRow(conference, report, row);
    }

    private static ObjectNode reportRow(ObjectNode registration, boolean attended) {
        ObjectNode row = SandboxStore.JSON.createObjectNode().put("id", registration.path("id").asText())
                .put("first_name", registration.path("first_name").asText())
                .put("last_name", registration.path("last_name").asText())
                .put("email", registration.path("email").asText()).put("BMID", registration.path("bmid").asText())
                .put("attended?", attended ? "Yes" : "No").put("duration", attended ? "52.5 min" : "0 min");
        row.set("custom_fields", registration.path("custom_fields").deepCopy());
        return row;
    }

    // ---- simulation ------------------------------------------------------------------------------------------------

    /** Runs {@code steps} one after the other, one every {@code period}, on a background thread. */
    public void simulate(Duration period, List<Runnable> steps) {
        if (simulation != null) {
            simulation.stop();
        }
        simulation = new Simulation(period, steps);
        simulation.start();
    }

    /** Whether every step of the last simulation ran. */
    public boolean simulationFinished() {
        return simulation == null || simulation.finished();
    }

    // ---- faults and observation -------------------------------------------------------------------------------------

    /** The next {@code times} requests whose path contains {@code pathPart} get {@code fault}. */
    /**
     * List answers without totals (no current_page, per_page, total_pages, total_entries): the registrant lists of the
     * API document show none, so a client must page without them.
     */
    public BigMarkerSandbox withoutTotals() {
        shapes = new HttpCall.Shapes(false, shapes.ignorePage());
        return this;
    }

    /** Answers every page request with the first page, as a server that ignores the page parameter would. */
    public BigMarkerSandbox ignoringThePageParameter() {
        shapes = new HttpCall.Shapes(shapes.totals(), true);
        return this;
    }

    public void failNext(String pathPart, Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(new PendingFault(pathAndQuery -> pathAndQuery.split("\\?")[0].contains(pathPart), fault));
        }
    }

    /** The next {@code times} requests whose path and query contain {@code part} ("page=2") get {@code fault}. */
    public void failNextQuery(String part, Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(new PendingFault(pathAndQuery -> pathAndQuery.contains(part), fault));
        }
    }

    /**
     * The most recent API requests received (at most {@value #REQUESTS_KEPT}), oldest first, as "METHOD path?query": a
     * snapshot, safe to read while the sandbox serves.
     */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Every API request received since the start. */
    public int requestCount() {
        return requestTotal.get();
    }

    public List<CrmPost> crmPosts() {
        return crmPosts;
    }

    // ---- HTTP --------------------------------------------------------------------------------------------------------

    private void handleApi(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String pathAndQuery = rawPath + (query == null ? "" : "?" + query);
        requests.addLast(exchange.getRequestMethod() + " " + pathAndQuery);
        requestTotal.incrementAndGet();
        if (requests.size() > REQUESTS_KEPT) {
            requests.pollFirst();
        }
        try {
            PendingFault fault = takeFault(pathAndQuery);
            if (fault != null && inject(exchange, fault.fault())) {
                return;
            }
            HttpCall call = new HttpCall(exchange, exchange.getRequestURI().getPath().substring("/api/v1".length()))
                    .shaped(shapes);
            if (!call.path.equals("/members/login") && !API_KEY.equals(exchange.getRequestHeaders().getFirst("API-KEY"))) {
                call.error(401, "Missing or invalid API key.");
                return;
            }
            routes.handle(call);
        } catch (RuntimeException | IOException bug) {
            byte[] text = ("{\"error\":\"" + bug.getClass().getSimpleName() + "\"}").getBytes();
            exchange.sendResponseHeaders(500, text.length);
            exchange.getResponseBody().write(text);
            exchange.close();
        }
    }

    private void handleCrm(HttpExchange exchange) throws IOException {
        HttpCall call = new HttpCall(exchange, exchange.getRequestURI().getPath());
        if (call.method.equals("POST")) {
            crmPosts.add(new CrmPost(call.path, SandboxStore.JSON.readTree(call.body.isBlank() ? "null" : call.body)));
            call.json(201, SandboxStore.JSON.createObjectNode().put("status", "captured"));
        } else {
            call.json(200, SandboxStore.JSON.valueToTree(crmPosts.stream().map(CrmPost::body).toList()));
        }
    }

    private PendingFault takeFault(String pathAndQuery) {
        for (PendingFault fault : faults) {
            if (fault.matches().test(pathAndQuery) && faults.remove(fault)) {
                return fault;
            }
        }
        return null;
    }

    /** Returns true when the fault answered (or broke) the exchange. */
    private static boolean inject(HttpExchange exchange, Fault fault) throws IOException {
        switch (fault) {
            case SERVER_ERROR -> answer(exchange, 500, "{\"error\":\"Something went wrong\"}");
            case UNAVAILABLE -> answer(exchange, 503, "{\"error\":\"Service unavailable\"}");
            case THROTTLED -> {
                exchange.getResponseHeaders().add("Retry-After", "0");
                answer(exchange, 429, "{\"error\":\"Too many requests\"}");
            }
            case UNAUTHORIZED -> answer(exchange, 401, "{\"error\":\"Missing or invalid API key.\"}");
            case MALFORMED_JSON -> answer(exchange, 200, "{\"registrations\": [{\"email\": ");
            case RESET -> exchange.close();
            case SLOW -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        }
        return true;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

package org.camelbigmarker;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stateful stand-in for the parts of BigMarker the consumers read: registrations per conference (with the
 * start_time filter and page/per_page paging, newest first, as the worst case for items shifting while paging),
 * conferences with a status, and report rows. It checks the API-KEY header, counts requests, and injects faults into
 * the next matching requests.
 * <p>
 * Time: the JDK server always sends its own Date header (the real clock), and that is the clock consumers read. So
 * {@link #advance} does not move a clock: it ages every stored registration by that much, which is the same thing
 * for every comparison a consumer makes.
 */
public final class FakeBigMarker implements AutoCloseable {

    public static final String API_KEY = "fake-key-19c2";
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Fault {
        SERVER_ERROR, UNAVAILABLE, THROTTLED, RESET, MALFORMED_JSON, UNAUTHORIZED, SLOW
    }

    private record Registration(String conference, ObjectNode json, long registeredAt) {
    }

    private record PendingFault(Predicate<String> pathMatches, Fault fault) {
    }

    private final HttpServer server;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> conferences = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> reportRows = new ConcurrentHashMap<>();
    private final Deque<PendingFault> faults = new ConcurrentLinkedDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong nextId = new AtomicLong();

    public FakeBigMarker() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- state --------------------------------------------------------------------------------------------------

    public Instant now() {
        return Instant.ofEpochSecond(System.currentTimeMillis() / 1000);
    }

    /** Lets {@code seconds} pass: everything stored so far becomes that much older. */
    public void advance(long seconds) {
        registrations.replaceAll(r -> new Registration(r.conference(), r.json(), r.registeredAt() - seconds));
    }

    /** Registers people to a conference at the current server time; returns their emails. */
    public List<String> register(String conference, int count) {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long n = nextId.incrementAndGet();
            ObjectNode json = JSON.createObjectNode().put("id", "reg-" + n).put("bmid", "bm-" + n)
                    .put("email", "person" + n + "@example.com").put("first_name", "Person").put("last_name", "" + n)
                    .put("conference_id", conference);
            registrations.add(new Registration(conference, json, now().getEpochSecond()));
            emails.add(json.get("email").asText());
        }
        return emails;
    }

    /** Adds a registration whose time is in the past (indexed late): the overlap must still catch it. */
    public String registerLate(String conference, long secondsAgo) {
        long n = nextId.incrementAndGet();
        ObjectNode json = JSON.createObjectNode().put("id", "reg-" + n).put("bmid", "bm-" + n)
                .put("email", "late" + n + "@example.com").put("conference_id", conference);
        registrations.add(new Registration(conference, json, now().getEpochSecond() - secondsAgo));
        return json.get("email").asText();
    }

    public void conference(String id, String status) {
        conferences.put(id, JSON.createObjectNode().put("id", id).put("title", "Webinar " + id)
                .put("status", status).put("start_time", "2026-12-01 15:00"));
    }

    public void reportRow(String conference, String report, ObjectNode row) {
        reportRows.computeIfAbsent(conference + "/" + report, k -> new CopyOnWriteArrayList<>()).add(row);
    }

    /** The next {@code times} requests whose path contains {@code pathPart} get {@code fault}. */
    public void failNext(String pathPart, Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(new PendingFault(path -> path.contains(pathPart), fault));
        }
    }

    /** A fault for requests whose query contains {@code queryPart} (e.g. "page=2": fail in the middle of paging). */
    public void failNextQuery(String queryPart, Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(new PendingFault(pathAndQuery -> pathAndQuery.contains(queryPart), fault));
        }
    }

    public List<String> requests() {
        return requests;
    }

    public int requestCount() {
        return requests.size();
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String pathAndQuery = path + (query == null ? "" : "?" + query);
        requests.add(exchange.getRequestMethod() + " " + pathAndQuery);
        try {
            PendingFault fault = takeFault(pathAndQuery);
            if (fault != null && inject(exchange, fault.fault())) {
                return;
            }
            if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("API-KEY"))) {
                send(exchange, 401, "{\"error\":\"Missing or invalid API key.\"}");
                return;
            }
            Map<String, String> params = params(query);
            route(exchange, path.substring("/api/v1".length()), params);
        } catch (RuntimeException bug) {
            send(exchange, 500, "{\"error\":\"" + bug + "\"}");
        }
    }

    private PendingFault takeFault(String pathAndQuery) {
        for (PendingFault fault : faults) {
            if (fault.pathMatches().test(pathAndQuery) && faults.remove(fault)) {
                return fault;
            }
        }
        return null;
    }

    /** Returns true when the fault answered (or broke) the exchange. */
    private boolean inject(HttpExchange exchange, Fault fault) throws IOException {
        switch (fault) {
            case SERVER_ERROR -> send(exchange, 500, "{\"error\":\"Something went wrong\"}");
            case UNAVAILABLE -> send(exchange, 503, "{\"error\":\"Service unavailable\"}");
            case THROTTLED -> {
                exchange.getResponseHeaders().add("Retry-After", "0");
                send(exchange, 429, "{\"error\":\"Too many requests\"}");
            }
            case UNAUTHORIZED -> send(exchange, 401, "{\"error\":\"Missing or invalid API key.\"}");
            case MALFORMED_JSON -> send(exchange, 200, "{\"registrations\": [{\"email\": ");
            case RESET -> exchange.close();
            case SLOW -> {
                sleep(1500);
                return false;
            }
        }
        return true;
    }

    private void route(HttpExchange exchange, String path, Map<String, String> params) throws IOException {
        String[] parts = path.split("/");
        if (path.startsWith("/conferences/registrations/channel/")) {
            sendPage(exchange, "registrations", registrationsWhere(r -> true, params), params, "page");
        } else if (path.startsWith("/conferences/registrations/")) {
            String conference = parts[3];
            sendPage(exchange, "registrations", registrationsWhere(r -> r.conference().equals(conference), params),
                    params, "page");
        } else if (path.equals("/conferences/") || path.equals("/conferences")) {
            String type = params.getOrDefault("type", "future");
            List<ObjectNode> matching = new ArrayList<>();
            conferences.values().stream().sorted(Comparator.comparing(c -> c.get("id").asText()))
                    .filter(c -> type.equals("all") || statusFor(type).equals(c.get("status").asText()))
                    .forEach(matching::add);
            sendPage(exchange, "conferences", matching, params, "page");
        } else if (path.matches("/conferences/[^/]+/attendees")) {
            ObjectNode conference = conferences.get(parts[2]);
            if (conference == null || !"past".equals(conference.get("status").asText())) {
                send(exchange, 404, "{\"error\":\"This conference has not ended yet.\"}");
            } else {
                sendPage(exchange, "attendees", reportRows.getOrDefault(parts[2] + "/live_attendees", List.of()),
                        params, "current_page");
            }
        } else if (path.startsWith("/reporting/conferences/")) {
            String report = parts[3];
            String conference = parts[4];
            List<ObjectNode> rows = reportRows.getOrDefault(conference + "/" + report, List.of());
            switch (report) {
                case "event_summary" -> send(exchange, 200, "{\"total_live_minutes_watched\":" + rows.size() + "}");
                case "poll_transcript" -> send(exchange, 200, "{\"poll_count\":0,\"polls\":[]}");
                case "offer_transcript" -> send(exchange, 200, "{\"cta_pop_up_count\":0,\"offers\":[]}");
                default -> sendPage(exchange, itemsKeyOf(report), rows, params, "current_page");
            }
        } else {
            send(exchange, 404, "{\"error\":\"Not Found!\"}");
        }
    }

    private static String statusFor(String type) {
        return switch (type) {
            case "happening_now" -> "live";
            case "past" -> "past";
            default -> "future";
        };
    }

    private static String itemsKeyOf(String report) {
        return switch (report) {
            case "live_attendees", "on_demand_attendees" -> "attendees";
            case "chat_transcript" -> "chats";
            case "q_and_a_transcript" -> "q_and_a";
            default -> "registrations";
        };
    }

    private List<ObjectNode> registrationsWhere(Predicate<Registration> scope, Map<String, String> params) {
        long after = params.containsKey("start_time") ? Long.parseLong(params.get("start_time")) : Long.MIN_VALUE;
        List<Registration> matching = new ArrayList<>();
        for (Registration registration : registrations) {
            if (scope.test(registration) && registration.registeredAt() >= after) {
                matching.add(registration);
            }
        }
        matching.sort(Comparator.comparingLong(Registration::registeredAt).reversed()
                .thenComparing(r -> r.json().get("id").asText(), Comparator.reverseOrder()));
        List<ObjectNode> items = new ArrayList<>();
        matching.forEach(r -> items.add(r.json()));
        return items;
    }

    private void sendPage(HttpExchange exchange, String key, List<ObjectNode> all, Map<String, String> params,
                          String pageParameter) throws IOException {
        int perPage = Integer.parseInt(params.getOrDefault("per_page", "25"));
        int page = Integer.parseInt(params.getOrDefault(pageParameter, "1"));
        int from = Math.min((page - 1) * perPage, all.size());
        int to = Math.min(from + perPage, all.size());
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("current_page", page).put("per_page", perPage).put("total_entries", all.size())
                .put("total_pages", (all.size() + perPage - 1) / perPage);
        ArrayNode items = envelope.putArray(key);
        all.subList(from, to).forEach(items::add);
        send(exchange, 200, envelope.toString());
    }

    private void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

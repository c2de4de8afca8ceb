package org.camelbigmarker.docshape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camelbigmarker.testing.QueryString;

/**
 * A second stand-in for BigMarker, written from the API document alone and independent of camel-bigmarker-sandbox:
 * envelopes exactly as the document shows them ({"registrations": [...]} with no totals, rows without ids), and the
 * server behaviours the document does not promise, each switched on by a test: no Date header, a Date clock ahead of
 * the items' times, a page parameter ignored, a deletion at the head of the list while it is paged.
 * <p>
 * Serves: GET /conferences/registrations/{id} (page, per_page default 25, start_time on the registration time),
 * GET /reporting/conferences/chat_transcript/{id} (current_page, per_page) with rows that carry no id,
 * GET /reporting/conferences/event_summary/{id} ({} until a test sets it), GET /conferences/{id}/attendees (empty),
 * GET /conferences/ (type default future, page, per_page default 20, with the document's totals), GET
 * /conferences/{id} (the conference object, without webhook fields: the document shows none) and PUT
 * /conferences/{id} (Update Conference: the webhook fields it sets are kept for the test to read).
 */
public final class DocumentShapedBigMarker implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** A registration as the server keeps it: the document's fields, and when it was made (not shown in answers). */
    private record Registration(String email, String firstName, long registeredAt) {
    }

    private final BareHttpServer server;
    /** The server's time: items' times and the Date header; a test moves it (and gives it to the component). */
    private final org.camelbigmarker.testing.DrivenClock clock = new org.camelbigmarker.testing.DrivenClock();
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> chats = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Map<String, Object> eventSummary = Map.of();
    /** Conferences by id: title and type (future, happening_now, past), in the order they were added. */
    private final Map<String, Map<String, Object>> conferences = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final AtomicInteger failingUpdates = new AtomicInteger();
    private final Map<String, Map<String, Object>> updates = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean sendDate = true;
    private volatile long dateAheadSeconds;
    private volatile boolean ignorePage;
    private volatile int pageCap = Integer.MAX_VALUE;
    private final AtomicInteger emptyAnswers = new AtomicInteger();
    /** Before this time (server clock), the chat report answers 404. */
    private volatile Instant chatsMissingUntil = Instant.MIN;
    private volatile boolean deleteHeadBeforePageTwo;

    public DocumentShapedBigMarker() throws IOException {
        server = new BareHttpServer(this::route);
    }

    private BareHttpServer.Answer route(BareHttpServer.Request request) throws IOException {
        String path = request.path();
        Map<String, String> query = QueryString.parse(request.rawQuery());
        if (path.startsWith("/api/v1/conferences/registrations/")) {
            return registrations(query);
        }
        if (path.startsWith("/api/v1/reporting/conferences/chat_transcript/")) {
            return chats(query);
        }
        if (path.startsWith("/api/v1/reporting/conferences/event_summary/")) {
            return answer(eventSummary);
        }
        if (path.matches("/api/v1/conferences/[^/]+/attendees")) {
            return answer(Map.of("attendees", List.of())); // answered, so the conference counts as ended
        }
        if (path.equals("/api/v1/conferences/") || path.equals("/api/v1/conferences")) {
            return conferenceList(query);
        }
        if (path.matches("/api/v1/conferences/[^/]+")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            Map<String, Object> conference = conferences.get(id);
            if (conference == null) {
                return new BareHttpServer.Answer(404, Map.of("Content-Type", "application/json"),
                        "{\"error\":\"Not Found!\"}".getBytes(StandardCharsets.UTF_8));
            }
            if (request.method().equals("PUT") && failingUpdates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return new BareHttpServer.Answer(500, Map.of("Content-Type", "application/json"),
                        "{\"error\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
            }
            if (request.method().equals("PUT")) {
                updates.computeIfAbsent(id, any -> new java.util.concurrent.ConcurrentHashMap<>())
                        .putAll(JSON.readValue(request.body(), Map.class));
            }
            return answer(shown(conference));
        }
        return new BareHttpServer.Answer(404, Map.of("Content-Type", "application/json"),
                "{\"error\":\"Not Found!\"}".getBytes(StandardCharsets.UTF_8));
    }

    /** A conference of the account: type future, happening_now or past. */
    public void conference(String id, String type) {
        Map<String, Object> conference = new java.util.LinkedHashMap<>();
        conference.put("id", id);
        conference.put("title", "Conference " + id);
        conference.put("type", type);
        conferences.put(id, conference);
    }

    /** The next {@code count} Update Conference requests answer 500. */
    public void failUpdates(int count) {
        failingUpdates.set(count);
    }

    /** What Update Conference set on a conference (the webhook fields among them), or an empty map. */
    public Map<String, Object> updatesOf(String conference) {
        return updates.getOrDefault(conference, Map.of());
    }

    /** The conference as the document's answers show it: id, title, address, purpose (its type is the filter's). */
    private static Map<String, Object> shown(Map<String, Object> conference) {
        return Map.of("id", conference.get("id"), "title", conference.get("title"), "conference_address",
                "https://www.bigmarker.com/channel/" + conference.get("id"), "purpose", "To be great");
    }

    private BareHttpServer.Answer conferenceList(Map<String, String> query) throws IOException {
        String type = query.getOrDefault("type", "future");
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int perPage = Integer.parseInt(query.getOrDefault("per_page", "20"));
        List<Map<String, Object>> matching = new ArrayList<>();
        conferences.values().stream().filter(c -> c.get("type").equals(type)).map(DocumentShapedBigMarker::shown)
                .forEach(matching::add);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("current_page", page);
        body.put("per_page", perPage);
        body.put("total_pages", Math.max(1, (matching.size() + perPage - 1) / perPage));
        body.put("total_entries", matching.size());
        body.put("conferences", pageOf(matching, page, perPage));
        return answer(body);
    }

    /** The server's clock: give it to the component too, so that both sides' time moves when the test says. */
    public org.camelbigmarker.testing.DrivenClock clock() {
        return clock;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/api/v1";
    }

    public int requests() {
        return requests.get();
    }

    /** Registers people now, by the items' clock. */
    public void register(String... emails) {
        for (String email : emails) {
            registrations.add(new Registration(email, email.substring(0, email.indexOf('@')),
                    clock.instant().getEpochSecond()));
        }
    }

    /** A chat line; identical lines may repeat. */
    public void chat(String message, String email) {
        chats.add(Map.of("message", message, "email", email, "timestamp", "2026-11-29T10:00:00Z"));
    }

    /** The event summary report; empty ({}) until set. */
    public void eventSummary(Map<String, Object> summary) {
        eventSummary = summary;
    }

    public DocumentShapedBigMarker withoutDateHeader() {
        sendDate = false;
        return this;
    }

    /** Negative: the Date header runs behind the items' clock. */
    public DocumentShapedBigMarker withDateAheadBy(long seconds) {
        dateAheadSeconds = seconds;
        return this;
    }

    public DocumentShapedBigMarker ignoringThePageParameter() {
        ignorePage = true;
        return this;
    }

    /** Before page 2 of the next paged read, the first registration is deleted: every later one moves up by one. */
    public DocumentShapedBigMarker deletingTheHeadBeforePageTwo() {
        deleteHeadBeforePageTwo = true;
        return this;
    }

    private BareHttpServer.Answer registrations(Map<String, String> query) throws IOException {
        if (emptyAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new BareHttpServer.Answer(200, Map.of("Content-Type", "application/json"), new byte[0]);
        }
        long startTime = Long.parseLong(query.getOrDefault("start_time", "0"));
        int page = ignorePage ? 1 : Integer.parseInt(query.getOrDefault("page", "1"));
        int perPage = Math.min(pageCap, Integer.parseInt(query.getOrDefault("per_page", "25")));
        if (page == 2 && deleteHeadBeforePageTwo && !registrations.isEmpty()) {
            deleteHeadBeforePageTwo = false;
            registrations.remove(0);
        }
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Registration registration : registrations) {
            if (registration.registeredAt() >= startTime) {
                shown.add(Map.of("email", registration.email(), "first_name", registration.firstName(),
                        "last_name", "Example", "earned_certificate", false, "qualified_for_certificate", false));
            }
        }
        return answer(Map.of("registrations", pageOf(shown, page, perPage)));
    }

    private BareHttpServer.Answer chats(Map<String, String> query) throws IOException {
        if (clock.instant().isBefore(chatsMissingUntil)) {
            return new BareHttpServer.Answer(404, Map.of("Content-Type", "application/json"),
                    "{\"error\":\"Not Found!\"}".getBytes(StandardCharsets.UTF_8));
        }
        int page = ignorePage ? 1 : Integer.parseInt(query.getOrDefault("current_page", "1"));
        int perPage = Math.min(pageCap, Integer.parseInt(query.getOrDefault("per_page", "25")));
        List<Map<String, Object>> visible = new ArrayList<>();
        for (Map<String, Object> line : chats) {
            Object from = line.get(VISIBLE_FROM);
            if (from == null || !clock.instant().isBefore((Instant) from)) {
                Map<String, Object> shown = new java.util.LinkedHashMap<>(line);
                shown.remove(VISIBLE_FROM);
                visible.add(shown);
            }
        }
        return answer(Map.of("chats", pageOf(visible, page, perPage)));
    }

    private static final String VISIBLE_FROM = "visibleFrom";

    /** A chat line the report shows only from {@code visibleFrom} on (server clock). */
    public void chatFrom(Instant visibleFrom, String message, String email) {
        chats.add(Map.of("message", message, "email", email, "timestamp", "2026-11-29T10:00:00Z",
                VISIBLE_FROM, visibleFrom));
    }

    /** The chat report answers 404 until {@code until} (server clock). */
    public DocumentShapedBigMarker chatReportMissingUntil(Instant until) {
        chatsMissingUntil = until;
        return this;
    }

    /** Pages hold at most {@code cap} items, whatever per_page asks for; the answers show no totals. */
    public DocumentShapedBigMarker cappingPagesAt(int cap) {
        pageCap = cap;
        return this;
    }

    /** The next {@code count} registration reads answer 200 with an empty body. */
    public void emptyAnswers(int count) {
        emptyAnswers.set(count);
    }

    /** Registrations made at {@code when} by the items' clock (late-indexed, or made before a cursor). */
    public void registerAt(Instant when, String... emails) {
        for (String email : emails) {
            registrations.add(new Registration(email, email.substring(0, email.indexOf('@')), when.getEpochSecond()));
        }
    }

    private static <T> List<T> pageOf(List<T> all, int page, int perPage) {
        int from = Math.min(all.size(), (page - 1) * perPage);
        return all.subList(from, Math.min(all.size(), from + perPage));
    }

    private BareHttpServer.Answer answer(Object body) throws IOException {
        requests.incrementAndGet();
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        if (sendDate) {
            headers.put("Date", HTTP_DATE.format(clock.instant().plusSeconds(dateAheadSeconds)));
        }
        return new BareHttpServer.Answer(200, headers, JSON.writeValueAsBytes(body));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

package org.camelbigmarker.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camelbigmarker.docshape.BareHttpServer;
import org.camelbigmarker.testing.DrivenClock;
import org.camelbigmarker.testing.QueryString;
import org.camelbigmarker.testing.RateLimit;

/**
 * A generated account on a driven clock: upcoming conferences starting over the next 30 days, past ones over the last
 * year (each an hour long), registrations of every upcoming conference made over the last 30 days, and new ones as
 * the clock moves. Serves List Conferences (type, start_time, page, per_page, with totals, as the document shows),
 * Show Conference Registrants of a conference (start_time on the registration time, no totals, as the document shows),
 * the attendees probe (200 once a conference ended, 404 before), a two-line chat report, Register to a Conference, and
 * Show and Update Conference (what a webhook consumer reads and sets; it sends no webhook itself).
 * Counts requests by path. Optionally throttled like an API with a rate limit: at most a number of requests in any
 * 60 s of its clock, beyond which it answers 429 with the seconds until a request leaves the window as Retry-After.
 */
final class GeneratedAccountServer implements AutoCloseable {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;

    private final BareHttpServer server;
    private final DrivenClock clock;
    private final long start;
    private final int upcoming;
    private final int past;
    private final int registrationsPerConference;
    /** Seconds between two new registrations of a conference, from the start on. */
    private final long newRegistrationEvery;
    private final Map<String, AtomicLong> requests = new HashMap<>();
    /** The account's rate limit, when throttled. */
    private RateLimit limit;

    GeneratedAccountServer(DrivenClock clock, int upcoming, int past, int registrationsPerConference,
                           long newRegistrationEvery) throws IOException {
        this.clock = clock;
        this.start = clock.instant().getEpochSecond();
        this.upcoming = upcoming;
        this.past = past;
        this.registrationsPerConference = registrationsPerConference;
        this.newRegistrationEvery = newRegistrationEvery;
        // not the JDK's server: it would send the real time as Date, and the account's clock is a driven one
        server = new BareHttpServer(this::route);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/api/v1";
    }

    /** Requests by kind, since the last reset. */
    synchronized Map<String, Long> requests() {
        Map<String, Long> counts = new HashMap<>();
        requests.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }

    /** From now on, answers 429 beyond this many requests in any 60 s (0: never). */
    synchronized void throttleTo(int perMinute) {
        limit = perMinute == 0 ? null : new RateLimit(perMinute, clock);
    }

    /** The 429 answers given. */
    synchronized long throttledAnswers() {
        return limit == null ? 0 : limit.refused();
    }

    synchronized long totalRequests() {
        return requests.values().stream().mapToLong(AtomicLong::get).sum();
    }

    synchronized void resetCounts() {
        requests.clear();
    }

    private synchronized void count(String kind) {
        requests.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** When an upcoming conference starts: spread over the next 30 days; a past one: over the last year. */
    long startOf(String id) {
        int n = Integer.parseInt(id.substring(2));
        return id.startsWith("u-") ? start + HOUR + n * (30 * DAY / Math.max(1, upcoming))
                : start - DAY * 365 + n * (365 * DAY / Math.max(1, past)) - 2 * HOUR;
    }

    /** When a conference ends (epoch seconds): each is an hour long. */
    long endOf(String id) {
        return startOf(id) + HOUR;
    }

    private BareHttpServer.Answer route(BareHttpServer.Request request) {
        String path = request.path();
        Map<String, String> query = QueryString.parse(request.rawQuery());
        long now = clock.instant().getEpochSecond();
        RateLimit throttling = currentLimit();
        long retryAfter = throttling == null ? 0 : throttling.admit();
        if (retryAfter > 0) {
            return new BareHttpServer.Answer(429, Map.of("Content-Type", "application/json", "Retry-After",
                    String.valueOf(retryAfter)), "{\"error\":\"Too many requests\"}".getBytes(StandardCharsets.UTF_8));
        }
        if (path.equals("/api/v1/conferences/register") && request.method().equals("PUT")) {
            count("Register to a Conference");
            return answer(200, "{\"conference_url\":\"https://www.bigmarker.com/x\"}");
        }
        if (path.matches("/api/v1/conferences/[up]-[0-9]+")) { // Show and Update Conference (a webhook's fields)
            String id = path.substring(path.lastIndexOf('/') + 1);
            count(request.method().equals("PUT") ? "Update Conference" : "Show Conference");
            return answer(200, "{\"id\":\"" + id + "\",\"title\":\"Webinar " + id + "\"}");
        }
        if (path.equals("/api/v1/conferences/") || path.equals("/api/v1/conferences")) {
            count("List Conferences");
            return answer(200, conferences(query, now));
        }
        if (path.startsWith("/api/v1/conferences/registrations/")) {
            count("Show Conference Registrants");
            return answer(200, registrations(path.substring(path.lastIndexOf('/') + 1), query, now));
        }
        if (path.matches("/api/v1/conferences/[^/]+/attendees")) {
            count("attendees (ended?)");
            String id = path.split("/")[4];
            boolean ended = endOf(id) <= now;
            return answer(ended ? 200 : 404, ended ? "{\"attendees\":[]}"
                    : "{\"error\":\"This conference has not ended yet.\"}");
        }
        if (path.startsWith("/api/v1/reporting/conferences/chat_transcript/")) {
            count("Show Conference Chats");
            int page = Integer.parseInt(query.getOrDefault("current_page", "1"));
            return answer(200, page == 1 ? "{\"chats\":[{\"message\":\"hello\",\"email\":\"a@example.com\"},"
                                              + "{\"message\":\"thanks\",\"email\":\"b@example.com\"}]}"
                    : "{\"chats\":[]}");
        }
        count("other");
        return answer(404, "{\"error\":\"Not Found!\"}");
    }

    private synchronized RateLimit currentLimit() {
        return limit;
    }

    private String conferences(Map<String, String> query, long now) {
        String type = query.getOrDefault("type", "future");
        long startTime = Long.parseLong(query.getOrDefault("start_time", "0"));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int perPage = Integer.parseInt(query.getOrDefault("per_page", "20"));
        List<String> matching = new ArrayList<>();
        for (int i = 0; i < past; i++) {
            select("p-" + i, type, startTime, now, matching);
        }
        for (int i = 0; i < upcoming; i++) {
            select("u-" + i, type, startTime, now, matching);
        }
        int from = Math.min(matching.size(), (page - 1) * perPage);
        int to = Math.min(matching.size(), from + perPage);
        StringBuilder body = new StringBuilder("{\"current_page\":").append(page).append(",\"per_page\":")
                .append(perPage).append(",\"total_pages\":").append(Math.max(1, (matching.size() + perPage - 1)
                                                                              / perPage))
                .append(",\"total_entries\":").append(matching.size()).append(",\"conferences\":[");
        for (int i = from; i < to; i++) {
            body.append(i == from ? "" : ",").append("{\"id\":\"").append(matching.get(i))
                    .append("\",\"title\":\"Webinar ").append(matching.get(i)).append("\"}");
        }
        return body.append("]}").toString();
    }

    private void select(String id, String type, long startTime, long now, List<String> matching) {
        long begins = startOf(id);
        long ends = endOf(id);
        boolean of = switch (type) {
            case "past" -> ends <= now;
            case "happening_now" -> begins <= now && now < ends;
            default -> begins > now;
        };
        if (of && begins >= startTime) {
            matching.add(id);
        }
    }

    /**
     * When the registration of this index was made (epoch seconds): the first ones over the 30 days before the start,
     * then, on the first upcoming conference, one every period from the start on.
     */
    private long madeAt(int index) {
        return index < registrationsPerConference
                ? start - 30 * DAY + index * (30 * DAY / Math.max(1, registrationsPerConference))
                : start + (index - registrationsPerConference + 1) * newRegistrationEvery;
    }

    /** How many registrations the conference has at {@code now}: new ones are made on the first upcoming one only. */
    private int registrationCount(String conference, long now) {
        int count = registrationsPerConference;
        while (conference.equals("u-0") && madeAt(count) <= now) {
            count++;
        }
        return count;
    }

    private static String email(int index, String conference) {
        return "p" + index + "." + conference + "@example.com";
    }

    /** When the registration of this email was made: when the account first showed it. */
    Instant registrationMadeAt(String email) {
        return Instant.ofEpochSecond(madeAt(Integer.parseInt(email.substring(1, email.indexOf('.')))));
    }

    /** A conference's registrations: the generated ones over the 30 days before the start, and one more each period. */
    private String registrations(String conference, Map<String, String> query, long now) {
        long startTime = Long.parseLong(query.getOrDefault("start_time", "0"));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int perPage = Integer.parseInt(query.getOrDefault("per_page", "25"));
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < registrationCount(conference, now); i++) {
            times.add(madeAt(i));
        }
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            if (times.get(i) >= startTime) {
                shown.add(i);
            }
        }
        int from = Math.min(shown.size(), (page - 1) * perPage);
        int to = Math.min(shown.size(), from + perPage);
        StringBuilder body = new StringBuilder("{\"registrations\":[");
        for (int i = from; i < to; i++) {
            body.append(i == from ? "" : ",").append("{\"email\":\"").append(email(shown.get(i), conference))
                    .append("\",\"first_name\":\"P\",\"last_name\":\"L\"}");
        }
        return body.append("]}").toString();
    }

    private BareHttpServer.Answer answer(int status, String body) {
        return new BareHttpServer.Answer(status, Map.of("Content-Type", "application/json", "Date",
                HTTP_DATE.format(clock.instant())), body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** How many items a list holds now: what a naive poller, reading every list in full each poll, would page through. */
    int pastConferences() {
        long now = clock.instant().getEpochSecond();
        List<String> matching = new ArrayList<>();
        for (int i = 0; i < past; i++) {
            select("p-" + i, "past", 0, now, matching);
        }
        for (int i = 0; i < upcoming; i++) {
            select("u-" + i, "past", 0, now, matching);
        }
        return matching.size();
    }

    int registrationsOfTheFirstConference() {
        return registrationCount("u-0", clock.instant().getEpochSecond());
    }

    /** The instant the account's clock started at. */
    Instant started() {
        return Instant.ofEpochSecond(start);
    }
}

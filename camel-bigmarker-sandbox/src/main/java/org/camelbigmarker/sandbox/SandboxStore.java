package org.camelbigmarker.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the sandbox knows: conferences with a status (future, live, past), registrations with their time and custom
 * fields, and report rows. Thread-safe; times are epoch seconds on the real clock (the one the Date header carries).
 */
final class SandboxStore {

    static final ObjectMapper JSON = new ObjectMapper();

    record Registration(String conference, ObjectNode json, long registeredAt) {
        String email() {
            return json.path("email").asText();
        }
    }

    private final Map<String, ObjectNode> conferences = new ConcurrentHashMap<>();
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final Map<String, List<ObjectNode>> reportRows = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private volatile java.util.function.Consumer<Registration> onNewRegistration = registration -> { };

    /** Told of each new registration (not of updates), after it is stored: the sandbox's webhooks. */
    void onNewRegistration(java.util.function.Consumer<Registration> listener) {
        onNewRegistration = listener;
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    // ---- conferences ----------------------------------------------------------------------------------------------

    ObjectNode putConference(String id, String title, String channel, String status, String startTime) {
        ObjectNode conference = JSON.createObjectNode().put("id", id).put("title", title).put("channel_id", channel)
                .put("status", status).put("start_time", startTime).put("duration", 60)
                .put("time_zone", "Central Time (US & Canada)").put("purpose", "A webinar about " + title)
                .put("conference_address", "https://www.bigmarker.com/" + channel + "/" + id);
        conferences.put(id, conference);
        return conference;
    }

    Optional<ObjectNode> conference(String id) {
        return Optional.ofNullable(conferences.get(id));
    }

    List<ObjectNode> conferences(Predicate<ObjectNode> filter) {
        return conferences.values().stream().filter(filter)
                .sorted(Comparator.comparing(c -> c.path("start_time").asText() + c.path("id").asText())).toList();
    }

    void setStatus(String id, String status) {
        conference(id).orElseThrow(() -> new IllegalArgumentException("no conference " + id)).put("status", status);
    }

    // ---- registrations --------------------------------------------------------------------------------------------

    /** Registers or updates (by email) a person; returns the registration. */
    Registration upsertRegistration(String conference, String email, String firstName, String lastName,
                                    Map<String, ?> customFields, long at) {
        for (Registration existing : registrations) {
            if (existing.conference().equals(conference) && existing.email().equalsIgnoreCase(email)) {
                existing.json().put("first_name", firstName).put("last_name", lastName);
                if (customFields != null && !customFields.isEmpty()) {
                    ObjectNode fields = (ObjectNode) existing.json().path("custom_fields");
                    customFields.forEach((name, value) -> fields.put(name, String.valueOf(value)));
                }
                return existing;
            }
        }
        long n = nextId.incrementAndGet();
        ObjectNode json = JSON.createObjectNode().put("id", "reg-" + n).put("bmid", "bm-" + n).put("email", email)
                .put("first_name", firstName).put("last_name", lastName).put("conference_id", conference)
                .put("enter_url", "https://www.bigmarker.com/conferences/" + conference + "/enter?bmid=bm-" + n)
                .put("source", "api").put("registered_at", Instant.ofEpochSecond(at).toString());
        ObjectNode fields = json.putObject("custom_fields");
        if (customFields != null) {
            customFields.forEach((name, value) -> fields.put(name, String.valueOf(value)));
        }
        Registration registration = new Registration(conference, json, at);
        registrations.add(registration);
        onNewRegistration.accept(registration);
        return registration;
    }

    boolean removeRegistration(String conference, String email) {
        return registrations.removeIf(r -> r.conference().equals(conference) && r.email().equalsIgnoreCase(email));
    }

    /** Registrations matching {@code scope} registered at or after {@code after}, newest first. */
    List<Registration> registrations(Predicate<Registration> scope, long after) {
        List<Registration> matching = new ArrayList<>();
        for (Registration registration : registrations) {
            if (scope.test(registration) && registration.registeredAt() >= after) {
                matching.add(registration);
            }
        }
        matching.sort(Comparator.comparingLong(Registration::registeredAt).reversed()
                .thenComparing(r -> r.json().get("id").asText(), Comparator.reverseOrder()));
        return matching;
    }

    /** Makes everything stored {@code seconds} older: time passing, as far as any reader can tell. */
    void age(long seconds) {
        registrations.replaceAll(r -> new Registration(r.conference(), r.json(), r.registeredAt() - seconds));
    }

    long nextNumber() {
        return nextId.incrementAndGet();
    }

    // ---- reports --------------------------------------------------------------------------------------------------

    void addReportRow(String conference, String report, ObjectNode row) {
        reportRows.computeIfAbsent(conference + "/" + report, k -> new CopyOnWriteArrayList<>()).add(row);
    }

    List<ObjectNode> reportRows(String conference, String report) {
        return reportRows.getOrDefault(conference + "/" + report, List.of());
    }
}

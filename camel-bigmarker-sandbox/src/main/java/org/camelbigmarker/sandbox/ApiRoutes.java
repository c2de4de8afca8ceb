package org.camelbigmarker.sandbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelbigmarker.sandbox.SandboxStore.Registration;

/**
 * The BigMarker actions the sandbox answers, with the document's paths, methods, envelopes and error bodies. Anything
 * else answers 404 {"error": "Not Found!"}, as BigMarker does for an unknown URL.
 */
final class ApiRoutes {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final SandboxStore store;
    private final String channel;
    private final String apiKey;

    ApiRoutes(SandboxStore store, String channel, String apiKey) {
        this.store = store;
        this.channel = channel;
        this.apiKey = apiKey;
    }

    void handle(HttpCall call) throws IOException {
        String[] parts = call.path.split("/");
        String route = call.method + " " + call.path;
        if (route.equals("POST /members/login")) {
            login(call);
        } else if (route.matches("(PUT|POST) /conferences/register_or_update") || route.equals("PUT /conferences/register")) {
            register(call);
        } else if (route.equals("DELETE /conferences/register")) {
            unregister(call);
        } else if (route.startsWith("GET /conferences/registrations/channel/")) {
            if (!parts[4].equals(channel)) { // the document's answer for a channel the key cannot see
                call.error(403, "You don\u2019t have access to this channel");
            } else {
                registrations(call, r -> true, "registrations");
            }
        } else if (route.startsWith("GET /conferences/registrations/") || route.startsWith("GET /conferences/registrations_with_fields/")) {
            String conference = parts[3];
            if (store.conference(conference).isEmpty()) {
                call.error(404, "The conference you are requesting is not found.");
            } else {
                registrations(call, r -> r.conference().equals(conference), "registrations");
            }
        } else if (route.equals("GET /conferences/") || route.equals("GET /conferences")) {
            call.page("conferences", store.conferences(c -> matchesType(c, call.params.getOrDefault("type", "future"))),
                    "page");
        } else if (route.matches("PUT /conferences/[^/]+") && !parts[2].equals("register")) {
            updateConference(call, parts[2]);
        } else if (route.matches("GET /conferences/[^/]+/attendees")) {
            attendees(call, parts[2]);
        } else if (route.matches("GET /conferences/[^/]+")) {
            withConference(call, parts[2], conference -> call.json(200, conference));
        } else if (route.matches("GET /channels/[^/]+/conferences") && !parts[2].equals(channel)) {
            call.error(404, "Channel Not Found!");
        } else if (route.matches("GET /channels/[^/]+/conferences")) {
            String timing = call.params.getOrDefault("timing", "future");
            call.page("conferences", store.conferences(c -> c.path("channel_id").asText().equals(parts[2])
                                                           && matchesTiming(c, timing)), "page");
        } else if (route.equals("GET /channels/") || route.equals("GET /channels")) {
            ObjectNode answer = SandboxStore.JSON.createObjectNode();
            answer.putArray("channels").add(channelJson());
            call.json(200, answer);
        } else if (route.matches("GET /channels/[^/]+")) {
            if (parts[2].equals(channel)) {
                call.json(200, channelJson());
            } else {
                call.error(404, "Channel Not Found!");
            }
        } else if (route.matches("GET /reporting/conferences/[a-z_]+/[^/]+")) {
            report(call, parts[3], parts[4]);
        } else {
            call.error(404, "Not Found!");
        }
    }

    /** Update Conference: the fields given replace the conference's (booleans as booleans), webhooks included. */
    private void updateConference(HttpCall call, String id) throws IOException {
        withConference(call, id, conference -> {
            call.params.forEach((name, value) -> {
                if (!name.equals("conference_id")) {
                    if (value.equals("true") || value.equals("false")) {
                        conference.put(name, Boolean.parseBoolean(value));
                    } else {
                        conference.put(name, value);
                    }
                }
            });
            call.json(200, conference);
        });
    }

    private ObjectNode channelJson() {
        return SandboxStore.JSON.createObjectNode().put("channel_id", channel)
                .put("channel_url", "https://www.bigmarker.com/" + channel).put("name", "Acme Webinars")
                .put("overview", "Webinars about integration");
    }

    private void login(HttpCall call) throws IOException {
        if (call.param("email") == null || call.param("password") == null) {
            call.json(401, SandboxStore.JSON.createObjectNode().put("error", "authentication_error")
                    .put("message", "Authentication failed. Invalid email and/or password."));
            return;
        }
        ArrayNode answer = SandboxStore.JSON.createArrayNode();
        answer.addObject().put("api_token", apiKey);
        call.json(200, answer);
    }

    private void register(HttpCall call) throws IOException {
        for (String required : List.of("id", "email", "first_name", "last_name")) {
            if (call.param(required) == null) {
                call.json(400, SandboxStore.JSON.createObjectNode().put("error", "bad_request")
                        .put("message", "Missing parameter: " + required));
                return;
            }
        }
        String email = call.param("email");
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            call.json(400, SandboxStore.JSON.createObjectNode().put("error", "invalid_email")
                    .put("message", "The email address " + email + " is not valid."));
            return;
        }
        withConference(call, call.param("id"), conference -> {
            Map<String, Object> customFields = call.param("custom_fields") == null ? Map.of()
                    : SandboxStore.JSON.readValue(call.param("custom_fields"), FIELDS);
            Registration registration = store.upsertRegistration(call.param("id"), email, call.param("first_name"),
                    call.param("last_name"), customFields, SandboxStore.now());
            call.json(200, SandboxStore.JSON.createObjectNode().put("conference_url",
                    conference.path("conference_address").asText() + "?bmid=" + registration.json().path("bmid")
                            .asText()));
        });
    }

    private void unregister(HttpCall call) throws IOException {
        withConference(call, call.param("id"), conference -> {
            if (store.removeRegistration(call.param("id"), String.valueOf(call.param("email")))) {
                call.send(200, "");
            } else {
                call.error(404, "The registration you are requesting is not found.");
            }
        });
    }

    private void registrations(HttpCall call, java.util.function.Predicate<Registration> scope, String key)
            throws IOException {
        long after = call.param("start_time") == null ? Long.MIN_VALUE : Long.parseLong(call.param("start_time"));
        String email = call.param("email");
        List<ObjectNode> items = new ArrayList<>();
        for (Registration registration : store.registrations(scope, after)) {
            if (email == null || registration.email().equalsIgnoreCase(email)) {
                items.add(registration.json());
            }
        }
        call.page(key, items, "page");
    }

    private void attendees(HttpCall call, String conference) throws IOException {
        withConference(call, conference, found -> {
            if (!"past".equals(found.path("status").asText())) {
                call.error(404, "This conference has not ended yet.");
            } else {
                call.page("attendees", store.reportRows(conference, "live_attendees"), "current_page");
            }
        });
    }

    private void report(HttpCall call, String report, String conference) throws IOException {
        withConference(call, conference, found -> {
            List<ObjectNode> rows = store.reportRows(conference, report);
            switch (report) {
                case "event_summary" -> call.json(200, SandboxStore.JSON.createObjectNode()
                        .put("total_live_minutes_watched", store.reportRows(conference, "live_attendees").size() * 45));
                case "poll_transcript" -> call.json(200, SandboxStore.JSON.createObjectNode().put("poll_count", 0)
                        .put("poll_response_rate", 0).set("polls", SandboxStore.JSON.createArrayNode()));
                case "offer_transcript" -> call.json(200, SandboxStore.JSON.createObjectNode()
                        .put("cta_pop_up_count", 0).set("offers", SandboxStore.JSON.createArrayNode()));
                default -> call.page(itemsKeyOf(report), rows, "current_page");
            }
        });
    }

    static String itemsKeyOf(String report) {
        return switch (report) {
            case "live_attendees", "on_demand_attendees" -> "attendees";
            case "chat_transcript" -> "chats";
            case "q_and_a_transcript" -> "q_and_a";
            case "enter_exit_log", "attendance_monitor_data" -> "activities";
            default -> "registrations";
        };
    }

    private interface ConferenceAction {
        void run(ObjectNode conference) throws IOException;
    }

    private void withConference(HttpCall call, String id, ConferenceAction action) throws IOException {
        Optional<ObjectNode> conference = id == null ? Optional.empty() : store.conference(id);
        if (conference.isEmpty()) {
            call.json(404, SandboxStore.JSON.createObjectNode().put("error", "conference_not_found")
                    .put("message", "The conference you are requesting is not found."));
        } else {
            action.run(conference.get());
        }
    }

    private static boolean matchesType(ObjectNode conference, String type) {
        String status = conference.path("status").asText();
        return switch (type) {
            case "all" -> true;
            case "past" -> status.equals("past");
            case "happening_now" -> status.equals("live");
            default -> status.equals("future");
        };
    }

    private static boolean matchesTiming(ObjectNode conference, String timing) {
        String status = conference.path("status").asText();
        return switch (timing) {
            case "all" -> true;
            case "past" -> status.equals("past");
            default -> !status.equals("past");
        };
    }
}

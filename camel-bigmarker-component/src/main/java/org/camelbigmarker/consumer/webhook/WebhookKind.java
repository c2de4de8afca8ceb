package org.camelbigmarker.consumer.webhook;

import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.api.JsonSupport;
import org.camelbigmarker.model.Conference;
import org.camelbigmarker.model.Registration;

/**
 * The conference webhooks a consumer can receive, each with its pair of Update Conference fields and the way its
 * payload becomes the item the consumer's poll would read (so that both ways key it alike).
 */
public enum WebhookKind {

    /** The documented payload: {"registration": {bmid, first_name, last_name, email, time_stamp, custom_field_Name...}}. */
    NEW_REGISTRATION("enable_new_reg_webhook", "new_reg_webhook_url", WebhookKind::registrationItem,
            "conference_id", Registration.class),
    /** Payload not documented: a conference object (or {"conference": {...}}), the id taken from the URL. */
    WEBINAR_START("enable_webinar_start_webhook", "webinar_start_webhook_url", WebhookKind::conferenceItem, "id",
            Conference.class),
    WEBINAR_END("enable_webinar_end_webhook", "webinar_end_webhook_url", WebhookKind::conferenceItem, "id",
            Conference.class),
    WAITING_ROOM_OPEN("enable_waiting_room_open_webhook", "waiting_room_open_webhook_url", WebhookKind::conferenceItem, "id",
            Conference.class),
    /** Payload not documented: the JSON object as it came, with the conference it was sent for. */
    LIVE_ATTENDEE_DATA("enable_live_attendee_data_webhook", "live_attendee_data_webhook_url", WebhookKind::dataItem,
            "conference_id", Map.class),
    ON_DEMAND_VIEWER("enable_on_demand_viewer_webhook", "on_demand_viewer_webhook_url", WebhookKind::dataItem,
            "conference_id", Map.class);

    final String enableField;
    final String urlField;
    private final Function<JsonNode, ObjectNode> items;
    private final String conferenceField;
    private final Class<?> itemType;

    /**
     * @param items           the item a payload becomes, without its conference
     * @param conferenceField where the item holds the conference it was sent for (the URL names it; the payload may not)
     * @param itemType        the typed result an item maps to (outputType=typed)
     */
    WebhookKind(String enableField, String urlField, Function<JsonNode, ObjectNode> items, String conferenceField,
                Class<?> itemType) {
        this.enableField = updateConferenceField(enableField);
        this.urlField = updateConferenceField(urlField);
        this.items = items;
        this.conferenceField = conferenceField;
        this.itemType = itemType;
    }

    /** The typed result a pushed item maps to: a conference, a registration, or the data as a map. */
    public Class<?> itemType() {
        return itemType;
    }

    /** A field of Update Conference, as the operation table has it: a webhook's fields are the table's. */
    private static String updateConferenceField(String name) {
        if (!BigMarkerOperation.updateConference.parameters().containsKey(name)) {
            throw new IllegalStateException(name + " is not a parameter of " + BigMarkerOperation.updateConference);
        }
        return name;
    }

    /** Where the item holds its conference: a conference's own id, or the conference_id of a registration or data. */
    public String conferenceField() {
        return conferenceField;
    }

    /** The Update Conference field that turns this webhook on, e.g. enable_new_reg_webhook. */
    public String enableField() {
        return enableField;
    }

    /** The Update Conference field that holds this webhook's URL, e.g. new_reg_webhook_url. */
    public String urlField() {
        return urlField;
    }

    /** The item the consumer's list would show for this payload, or null when the payload is not one of these. */
    ObjectNode itemOf(JsonNode payload, String conference) {
        ObjectNode item = items.apply(payload);
        if (item != null) {
            item.put(conferenceField, conference); // the URL it was sent to names it, whatever the payload says
        }
        return item;
    }

    private static ObjectNode registrationItem(JsonNode payload) {
        JsonNode registration = payload.path("registration");
        if (!registration.isObject() || registration.path("email").asText("").isBlank()) {
            return null;
        }
        ObjectNode item = JsonSupport.mapper().createObjectNode();
        ObjectNode customFields = item.putObject("custom_fields");
        registration.fields().forEachRemaining(field -> {
            if (field.getKey().startsWith("custom_field_")) {
                customFields.set(field.getKey().substring("custom_field_".length()), field.getValue());
            } else {
                item.set(field.getKey(), field.getValue());
            }
        });
        return item;
    }

    private static ObjectNode dataItem(JsonNode payload) {
        if (!payload.isObject()) {
            return null;
        }
        return ((ObjectNode) payload).deepCopy();
    }

    private static ObjectNode conferenceItem(JsonNode payload) {
        if (!payload.isObject()) {
            return null;
        }
        JsonNode source = payload.path("conference").isObject() ? payload.path("conference") : payload;
        return ((ObjectNode) source).deepCopy();
    }

}

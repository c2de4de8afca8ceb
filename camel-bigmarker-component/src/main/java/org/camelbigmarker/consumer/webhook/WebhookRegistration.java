package org.camelbigmarker.consumer.webhook;

import org.camelbigmarker.consumer.feed.FeedState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.api.JsonSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points conferences' webhook of one kind at the route (Update Conference: its enable flag and URL field, e.g.
 * enable_new_reg_webhook and new_reg_webhook_url) and puts back what was there. What was there is kept in the consumer store, per conference,
 * before anything is changed, once: a consumer that crashed and starts again restores the user's original, not its
 * own URL.
 */
public final class WebhookRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistration.class);

    private final ApiCaller caller;
    private final WebhookKind kind;
    private final FeedState.WebhookRecords records;
    /** The conferences whose webhook points here in this run: only their POSTs are taken. */
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    WebhookRegistration(ApiCaller caller, WebhookKind kind, FeedState.WebhookRecords records) {
        this.caller = caller;
        this.kind = kind;
        this.records = records;
    }

    boolean isRegistered(String conference) {
        return conference != null && registered.contains(conference);
    }

    Set<String> registered() {
        return Set.copyOf(registered);
    }

    void register(String conference, String publicUrl) throws Exception {
        if (registered.contains(conference)) {
            return;
        }
        if (!records.hasPrevious(conference)) {
            JsonNode current = caller.call(BigMarkerOperation.showConference, parameters(conference)).json();
            if (!current.has(kind.enableField) && !current.has(kind.urlField)) {
                // the API document lists neither field among Show Conference's answers: nothing to restore but "off"
                LOG.warn("BigMarker does not show conference {}'s {} webhook fields, so what was set there cannot be"
                         + " restored: the webhook is turned off when the consumer stops (webhookKeepRegistration"
                         + " leaves it pointing here instead)", conference, kind);
            }
            ObjectNode previous = JsonSupport.mapper().createObjectNode();
            previous.put(kind.enableField, current.path(kind.enableField).asBoolean(false));
            previous.put(kind.urlField, current.path(kind.urlField).asText(""));
            records.keepPrevious(conference, previous.toString());
        }
        Map<String, Object> update = parameters(conference);
        update.put(kind.enableField, true);
        update.put(kind.urlField, publicUrl + "/" + conference);
        caller.call(BigMarkerOperation.updateConference, update);
        registered.add(conference);
        LOG.info("BigMarker conference {} sends its {} webhook to this route", conference, kind);
    }

    /** Puts back every conference's fields as they were before {@link #register}, this run's and a crashed one's. */
    void restoreAll() throws Exception {
        Exception first = null;
        for (Map.Entry<String, String> kept : records.allPrevious().entrySet()) {
            String conference = kept.getKey();
            try {
                JsonNode previous = JsonSupport.mapper().readTree(kept.getValue());
                Map<String, Object> update = parameters(conference);
                update.put(kind.enableField, previous.path(kind.enableField).asBoolean(false));
                update.put(kind.urlField, previous.path(kind.urlField).asText(""));
                caller.call(BigMarkerOperation.updateConference, update);
                records.restored(conference);
                LOG.info("BigMarker conference {}'s {} webhook restored", conference, kind);
            } catch (Exception notRestored) { // the others are still restored; this one stays kept for next time
                first = first == null ? notRestored : first;
            }
            registered.remove(conference);
        }
        if (first != null) {
            throw first;
        }
    }

    private static Map<String, Object> parameters(String conference) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("conference_id", conference);
        return parameters;
    }
}

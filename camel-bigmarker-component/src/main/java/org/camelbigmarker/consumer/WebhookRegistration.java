package org.camelbigmarker.consumer;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.api.JsonSupport;
import org.camelbigmarker.state.ConsumerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points a conference's new-registration webhook at the route (Update Conference: enable_new_reg_webhook and
 * new_reg_webhook_url) and puts back what was there. What was there is kept in the consumer store before anything is
 * changed, once: a consumer that crashed and starts again restores the user's original, not its own URL.
 */
final class WebhookRegistration {

    static final String ENABLED = "enable_new_reg_webhook";
    static final String URL = "new_reg_webhook_url";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistration.class);

    private final ApiCaller caller;
    private final ConsumerStore store;
    private final String scope;
    private final String conference;

    WebhookRegistration(ApiCaller caller, ConsumerStore store, String scope, String conference) {
        this.caller = caller;
        this.store = store;
        this.scope = scope;
        this.conference = conference;
    }

    void register(String publicUrl) throws Exception {
        String previousName = StateKeys.webhookPrevious(scope);
        if (store.value(previousName) == null) {
            JsonNode current = caller.call(BigMarkerOperation.showConference, parameters()).json();
            ObjectNode previous = JsonSupport.mapper().createObjectNode();
            previous.put(ENABLED, current.path(ENABLED).asBoolean(false));
            previous.put(URL, current.path(URL).asText(""));
            store.setValue(previousName, previous.toString());
        }
        Map<String, Object> update = parameters();
        update.put(ENABLED, true);
        update.put(URL, publicUrl);
        caller.call(BigMarkerOperation.updateConference, update);
        LOG.info("BigMarker conference {} sends its new registrations to this route's webhook", conference);
    }

    /** Puts back the fields as they were before {@link #register}; nothing to do if they were never changed. */
    void restore() throws Exception {
        String previousName = StateKeys.webhookPrevious(scope);
        String kept = store.value(previousName);
        if (kept == null) {
            return;
        }
        JsonNode previous = JsonSupport.mapper().readTree(kept);
        Map<String, Object> update = parameters();
        update.put(ENABLED, previous.path(ENABLED).asBoolean(false));
        update.put(URL, previous.path(URL).asText(""));
        caller.call(BigMarkerOperation.updateConference, update);
        store.removeValue(previousName);
        LOG.info("BigMarker conference {}'s new-registration webhook restored", conference);
    }

    private Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("conference_id", conference);
        return parameters;
    }
}

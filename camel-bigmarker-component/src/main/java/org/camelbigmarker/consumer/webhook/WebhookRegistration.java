package org.camelbigmarker.consumer.webhook;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.api.JsonSupport;
import org.camelbigmarker.client.BigMarkerClient;
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
    private final WebhookRecords records;
    /** How often one conference's restoration is tried at stop before it is left for the next start. */
    public static final int RESTORE_TRIES = 3;
    /** The wait before the second try of a restore; each later try waits once more as long. */
    public static final long RESTORE_WAIT_MILLIS = 1000;
    /** In a kept record: whether BigMarker showed the webhook fields, so that what was there can be put back. */
    private static final String SHOWN = "_shown";

    private final java.util.concurrent.atomic.AtomicBoolean notShownSaid = new java.util.concurrent.atomic.AtomicBoolean();
    /** The conferences whose webhook points here in this run: only their POSTs are taken. */
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    private final BigMarkerClient.Sleeper sleeper;

    WebhookRegistration(ApiCaller caller, WebhookKind kind, WebhookRecords records, BigMarkerClient.Sleeper sleeper) {
        this.caller = caller;
        this.sleeper = sleeper;
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
            // the API document lists neither field among Show Conference's answers: then nothing to restore but "off"
            boolean shown = current.has(kind.enableField) || current.has(kind.urlField);
            if (!shown && notShownSaid.compareAndSet(false, true)) {
                LOG.info("BigMarker does not show the {} webhook fields of conference {} (the API document lists"
                         + " none), so at stop that webhook is turned off rather than put back to an earlier URL;"
                         + " see docs/webhooks.md", kind, conference);
            }
            ObjectNode previous = JsonSupport.mapper().createObjectNode();
            previous.put(kind.enableField, current.path(kind.enableField).asBoolean(false));
            previous.put(kind.urlField, current.path(kind.urlField).asText(""));
            previous.put(SHOWN, shown);
            records.keepPrevious(conference, previous.toString());
        }
        Map<String, Object> update = parameters(conference);
        update.put(kind.enableField, true);
        update.put(kind.urlField, publicUrl + "/" + conference);
        caller.call(BigMarkerOperation.updateConference, update);
        registered.add(conference);
        LOG.info("BigMarker conference {} sends its {} webhook to this route", conference, kind);
    }

    /**
     * Puts back every conference's fields as they were before {@link #register}, this run's and a crashed one's, each
     * tried {@value #RESTORE_TRIES} times, {@value #RESTORE_WAIT_MILLIS} ms and then twice as long apart; what could
     * not be restored stays kept, for the next start or stop.
     */
    void restoreAll() throws Exception {
        restore(records.allPrevious().keySet());
    }

    /**
     * At start: puts back the conferences a previous run changed and could not restore (it crashed, or BigMarker
     * refused) that are no longer in scope; those still in scope point here again and are restored at stop.
     */
    void restoreLeftovers(Collection<String> inScope) throws Exception {
        Set<String> leftovers = new LinkedHashSet<>(records.allPrevious().keySet());
        leftovers.removeAll(inScope);
        restore(leftovers);
    }

    private void restore(Collection<String> conferences) throws Exception {
        Map<String, String> kept = records.allPrevious();
        Exception first = null;
        for (String conference : conferences) {
            try {
                restoreOne(conference, JsonSupport.mapper().readTree(kept.get(conference)));
            } catch (Exception notRestored) { // the others are still restored; this one stays kept for next time
                LOG.warn("BigMarker conference {}'s {} webhook could not be restored ({}); it is kept and tried again"
                         + " at the next start and stop", conference, kind, notRestored.getMessage());
                first = first == null ? notRestored : first;
            }
            registered.remove(conference);
        }
        if (first != null) {
            throw first;
        }
    }

    private void restoreOne(String conference, JsonNode previous) throws Exception {
        Map<String, Object> update = parameters(conference);
        update.put(kind.enableField, previous.path(kind.enableField).asBoolean(false));
        update.put(kind.urlField, previous.path(kind.urlField).asText(""));
        for (int attempt = 1;; attempt++) {
            try {
                caller.call(BigMarkerOperation.updateConference, update);
                break;
            } catch (Exception failed) {
                if (attempt >= RESTORE_TRIES) {
                    throw failed;
                }
                sleeper.sleep(RESTORE_WAIT_MILLIS * attempt); // a failure that lasts a moment has passed by then
            }
        }
        records.restored(conference);
        if (previous.path(SHOWN).asBoolean(true)) {
            LOG.info("BigMarker conference {}'s {} webhook restored to what it was before", conference, kind);
        } else {
            LOG.info("BigMarker conference {}'s {} webhook turned off: BigMarker did not show what was set before",
                    conference, kind);
        }
    }

    private static Map<String, Object> parameters(String conference) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("conference_id", conference);
        return parameters;
    }
}

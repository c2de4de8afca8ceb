package org.camelbigmarker.consumer.feed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.ConsumerEvent;
import org.camelbigmarker.consumer.delivery.Emitter;
import org.camelbigmarker.consumer.delivery.FeedItem;

/**
 * The feed of an event only BigMarker's webhook brings (waiting room opened, live attendee data, on-demand viewer):
 * nothing to read on a poll, so no reconciliation; pushed items are keyed by the identity their consumer kind gives, so
 * that a repeated webhook is delivered once: a waiting room by its conference, data by its conference and its content.
 */
public final class PushedOnlyFeed implements Feed, PushTarget {

    private final ConsumerEvent event;
    private final String conferenceField;
    /** Where its items are recorded, made once: a push does not work out the scope's key prefix again. */
    private final ListState items;
    private final ItemIdentity identity;
    private final String scope;
    private final Function<JsonNode, Object> bodies;

    /**
     * @param conferenceField where a pushed item holds the conference it was sent for
     * @param conference      the one conference watched, or null for the account's
     * @param bodies          how an item becomes the exchange's body
     */
    public PushedOnlyFeed(ConsumerEvent event, String conferenceField, ItemIdentity identity, String conference,
                          Function<JsonNode, Object> bodies, FeedState feedState) {
        this.event = event;
        this.conferenceField = conferenceField;
        this.identity = feedState.spelled(identity);
        this.scope = Scopes.ofPushed(event, conference);
        this.items = feedState.list(scope);
        this.bodies = bodies;
    }

    @Override
    public int poll(Emitter emitter) {
        return 0; // the webhook brings everything; a poll only sets the webhook of new conferences
    }

    @Override
    public Map<String, Object> progress() {
        return Map.of("scope", scope, "pushedOnly", true);
    }

    @Override
    public String reset() {
        return items.forgetItems("") + " pushed items of " + scope + " forgotten";
    }

    @Override
    public String scope() {
        return scope;
    }

    @Override
    public Optional<String> keyOf(JsonNode item) {
        return Optional.of(items.itemKey(identity.of(item)));
    }

    @Override
    public FeedItem pushed(JsonNode item) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(BigMarkerConstants.EVENT, event.name());
        headers.put(BigMarkerConstants.CONFERENCE_ID, ItemIdentity.text(item, conferenceField));
        return new FeedItem(keyOf(item).orElseThrow(), bodies.apply(item), headers);
    }
}

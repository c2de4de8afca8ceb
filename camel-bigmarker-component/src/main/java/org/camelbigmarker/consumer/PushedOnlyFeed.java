package org.camelbigmarker.consumer;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.ConsumerEvent;
import org.camelbigmarker.OutputType;
import org.camelbigmarker.api.ResultMapper;
import org.camelbigmarker.model.Conference;

/**
 * The feed of an event only BigMarker's webhook brings (waiting room opened, live attendee data, on-demand viewer):
 * nothing to read on a poll, so no reconciliation; pushed items are keyed so that a repeated webhook is delivered
 * once: a waiting room by its conference, data by its conference and a digest of its content.
 */
final class PushedOnlyFeed implements Feed, PushTarget {

    private final ConsumerEvent event;
    private final String scope;
    private final ResultMapper results;
    private final OutputType outputType;

    PushedOnlyFeed(ConsumerEvent event, String conference, ResultMapper results, OutputType outputType) {
        this.event = event;
        this.scope = "webhook-" + event.name() + (conference == null ? "" : "-" + conference);
        this.results = results;
        this.outputType = outputType;
    }

    @Override
    public int poll(Emitter emitter) {
        return 0; // the webhook brings everything; a poll only sets the webhook of new conferences (WebhookRoute)
    }

    @Override
    public Map<String, Object> progress() {
        return Map.of("scope", scope, "pushedOnly", true);
    }

    @Override
    public String scope() {
        return scope;
    }

    @Override
    public FeedItem pushed(JsonNode item) {
        String conference = ItemIdentity.text(item, event == ConsumerEvent.waitingRoomOpened ? "id" : "conference_id");
        String key = StateKeys.itemPrefix(scope) + conference
                     + (event == ConsumerEvent.waitingRoomOpened ? "" : "#sha256:" + ItemIdentity.digest(item.toString()));
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(BigMarkerConstants.EVENT, event.name());
        headers.put(BigMarkerConstants.CONFERENCE_ID, conference);
        Object body = results.convert(item, event == ConsumerEvent.waitingRoomOpened ? Conference.class : Map.class,
                outputType);
        return new FeedItem(key, body, headers);
    }
}

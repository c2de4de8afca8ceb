package org.camelbigmarker.consumer.feed;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.OutputType;
import org.camelbigmarker.api.ResultMapper;
import org.camelbigmarker.consumer.ConsumerKind;
import org.camelbigmarker.consumer.delivery.Emitter;
import org.camelbigmarker.consumer.delivery.FeedItem;
import org.camelbigmarker.consumer.webhook.WebhookRoute;

/**
 * The feed of an event only BigMarker's webhook brings (waiting room opened, live attendee data, on-demand viewer):
 * nothing to read on a poll, so no reconciliation; pushed items are keyed as their {@link ConsumerKind} says, so that
 * a repeated webhook is delivered once: a waiting room by its conference, data by its conference and its content.
 */
public final class PushedOnlyFeed implements Feed, PushTarget {

    private final ConsumerKind kind;
    private final FeedState feedState;
    private final ItemIdentity identity;
    private final String scope;
    private final ResultMapper results;
    private final OutputType outputType;

    PushedOnlyFeed(ConsumerKind kind, ItemIdentity identity, String conference, ResultMapper results,
                   OutputType outputType, FeedState feedState) {
        this.feedState = feedState;
        this.kind = kind;
        this.identity = identity;
        this.scope = "webhook-" + kind.event().name() + (conference == null ? "" : "-" + conference);
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
    public String reset() {
        return feedState.list(scope).forgetItems("") + " pushed items of " + scope + " forgotten";
    }

    @Override
    public String scope() {
        return scope;
    }

    @Override
    public FeedItem pushed(JsonNode item) {
        String conference = ItemIdentity.text(item, kind.webhook().conferenceField());
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(BigMarkerConstants.EVENT, kind.event().name());
        headers.put(BigMarkerConstants.CONFERENCE_ID, conference);
        return new FeedItem(feedState.list(scope).itemKey(identity.of(item)),
                results.convert(item, kind.pushedItemType(), outputType), headers);
    }
}

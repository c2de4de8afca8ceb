package org.camelbigmarker.consumer.feed;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelbigmarker.consumer.delivery.FeedItem;

/** Where a webhook's item goes: a feed that keys and shapes it as its own reads would (or alone, if it reads none). */
public interface PushTarget {

    /** Names what is watched: the store's keys and the webhook's path carry it. */
    String scope();

    /** The item keyed and shaped for delivery. */
    FeedItem pushed(JsonNode item);
}

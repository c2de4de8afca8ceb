package org.camelbigmarker.consumer.delivery;

import java.util.Map;

/**
 * One item to deliver into the route: its de-duplication key (stable across polls, restarts and nodes), the body,
 * and the headers of its exchange.
 */
public record FeedItem(String key, Object body, Map<String, Object> headers) {

    /** The conference the item belongs to, as its headers name it, or null. */
    public String conference() {
        Object conference = headers.get(org.camelbigmarker.BigMarkerConstants.CONFERENCE_ID);
        return conference == null ? null : conference.toString();
    }
}

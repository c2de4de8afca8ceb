package org.camelbigmarker.consumer.feed;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.ConsumerEvent;
import org.camelbigmarker.model.Conference;

/** The headers of a delivered item: its event and operation, and the conference, bmid and e-mail it names. */
public final class ItemHeaders {

    private ItemHeaders() {
    }

    /**
     * @param parameters the read's parameters: a list of one conference names it there when its items do not
     */
    public static Map<String, Object> of(JsonNode item, ConsumerEvent event, BigMarkerOperation operation,
                                         Map<String, Object> parameters) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(BigMarkerConstants.EVENT, event.name());
        headers.put(BigMarkerConstants.OPERATION, operation.name());
        String conference = ItemIdentity.text(item, "conference_id");
        if (conference.isEmpty() && operation.result().itemType() == Conference.class) {
            conference = ItemIdentity.text(item, "id"); // the item is a conference: its own id
        }
        if (conference.isEmpty() && parameters.get("conference_id") != null) {
            conference = parameters.get("conference_id").toString();
        }
        putIfPresent(headers, BigMarkerConstants.CONFERENCE_ID, conference);
        putIfPresent(headers, BigMarkerConstants.BMID, ItemIdentity.text(item, "bmid"));
        putIfPresent(headers, BigMarkerConstants.EMAIL, ItemIdentity.text(item, "email"));
        return headers;
    }

    private static void putIfPresent(Map<String, Object> headers, String name, String value) {
        if (!value.isEmpty()) {
            headers.put(name, value);
        }
    }
}

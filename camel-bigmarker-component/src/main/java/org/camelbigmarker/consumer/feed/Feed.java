package org.camelbigmarker.consumer.feed;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.camelbigmarker.consumer.delivery.Emitter;

/** A source of new items, asked once per poll. */
public interface Feed {

    /** Fetches what is new and emits it; returns how many items were emitted. */
    int poll(Emitter emitter) throws Exception;

    /** Where this feed stands, as its store says (cursor, tracked conferences...), for operators. */
    Map<String, Object> progress();

    /**
     * An operator's replay (docs/upgrading.md): the items whose delivery was recorded at or after {@code from} are
     * delivered again as the next reads meet them. Returns what was done, in words.
     */
    default String replayFrom(java.time.Instant from) {
        throw new UnsupportedOperationException("this consumer cannot replay from a time: replay one conference,"
                                                + " or reset it");
    }

    /** An operator's replay of one conference's items; returns what was done, in words. */
    default String replayConference(String conference) {
        throw new UnsupportedOperationException("this consumer cannot replay one conference: reset it instead");
    }

    /**
     * The key this feed gives an item with these fields (for an operator's look-up), or empty when its keys are not
     * made from an item alone (reports: their keys name the conference and the report too).
     */
    default Optional<String> keyOf(JsonNode item) {
        return Optional.empty();
    }

    /** Forgets everything this feed recorded: the next poll starts as a new store would. Returns what was done. */
    String reset();
}

package org.camelbigmarker.consumer.feed;

import java.util.Map;

import org.camelbigmarker.consumer.delivery.Emitter;

/** A source of new items, asked once per poll. */
public interface Feed {

    /** Fetches what is new and emits it; returns how many items were emitted. */
    int poll(Emitter emitter) throws Exception;

    /** Where this feed stands, as its store says (cursor, tracked conferences...), for operators. */
    Map<String, Object> progress();
}

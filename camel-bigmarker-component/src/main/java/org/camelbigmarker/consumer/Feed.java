package org.camelbigmarker.consumer;

/** A source of new items, asked once per poll. */
interface Feed {

    /** Fetches what is new and emits it; returns how many items were emitted. */
    int poll(Emitter emitter) throws Exception;
}

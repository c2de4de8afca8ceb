package org.camelbigmarker.operation;

import java.util.Map;

/**
 * The documented shape of an operation's response.
 *
 * @param itemsKey  for list results, the envelope field holding the items (null: a bare array is expected; either
 *                  way a bare array, or the envelope's only array field, is accepted, because the document shows both)
 * @param unwrapKey for single results, an envelope field the object may be wrapped in (e.g. {"conference": {...}})
 * @param itemType  the model each item or the single object maps to
 * @param list      true for list results
 * @param paging    how the list is paged
 * @param bodyKind  what a successful response body may be
 */
public record ResultSpec(String itemsKey, String unwrapKey, Class<?> itemType, boolean list, Paging paging,
        BodyKind bodyKind) {

    /** What a 2xx body is allowed to be. */
    public enum BodyKind {
        /** JSON is expected: an empty or non-JSON body is an error. */
        JSON,
        /** The document shows no response: an empty body is a success. */
        OPTIONAL_JSON,
        /** The document's example is not JSON (a bare sentence): text is accepted as it is. */
        JSON_OR_TEXT
    }

    /** A single object, mapped to {@code type}. */
    public static ResultSpec one(Class<?> type) {
        return new ResultSpec(null, null, type, false, Paging.NONE, BodyKind.JSON);
    }

    /** A single object that may come wrapped as {@code {"<key>": {...}}}. */
    public static ResultSpec one(String unwrapKey, Class<?> type) {
        return new ResultSpec(null, unwrapKey, type, false, Paging.NONE, BodyKind.JSON);
    }

    /** Any JSON, returned as a Map (object) or List (array). */
    public static ResultSpec map() {
        return one(Map.class);
    }

    /** No documented response; an empty body is a success. */
    public static ResultSpec none() {
        return new ResultSpec(null, null, Map.class, false, Paging.NONE, BodyKind.OPTIONAL_JSON);
    }

    /** A sentence, possibly not JSON. */
    public static ResultSpec text() {
        return new ResultSpec(null, null, Map.class, false, Paging.NONE, BodyKind.JSON_OR_TEXT);
    }

    /** An unpaged list under {@code itemsKey} (or a bare array when null). */
    public static ResultSpec list(String itemsKey, Class<?> type) {
        return new ResultSpec(itemsKey, null, type, true, Paging.NONE, BodyKind.JSON);
    }

    /** A paged list. */
    public static ResultSpec page(Paging paging, String itemsKey, Class<?> type) {
        return new ResultSpec(itemsKey, null, type, true, paging, BodyKind.JSON);
    }

    public boolean paged() {
        return paging != Paging.NONE;
    }
}

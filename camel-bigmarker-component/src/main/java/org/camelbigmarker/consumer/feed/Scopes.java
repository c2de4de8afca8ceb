package org.camelbigmarker.consumer.feed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.ConsumerEvent;
import org.camelbigmarker.operation.Paging;

/**
 * The names of what a feed watches (its scope), in one place: the store's names ({@link FeedState}) and the webhook's
 * path carry them, so they are stable across restarts and nodes, compact, and free of '=' and spaces, so that any
 * store keeps them as they are (a file store splits on '=', JDBC stores limit key length).
 */
final class Scopes {

    private Scopes() {
    }

    /**
     * A list: the operation and a digest of its parameters (sorted; the page size left out, since it does not change
     * what is watched).
     */
    static String ofList(BigMarkerOperation operation, Map<String, Object> parameters) {
        Map<String, String> watched = new TreeMap<>();
        parameters.forEach((name, value) -> watched.put(name, String.valueOf(value)));
        watched.remove(Paging.PER_PAGE);
        return watched.isEmpty() ? operation.name()
                : operation.name() + "-" + ItemIdentity.digest(watched.toString()).substring(0, 12);
    }

    /** A consumer: its kind and a digest of the options that say what it watches. */
    static String ofConsumer(String kind, Map<String, Object> watched) {
        return kind + "-" + ItemIdentity.digest(new TreeMap<>(watched).toString()).substring(0, 12);
    }

    /** An event only the webhook brings, of one conference or (null) of the account. */
    static String ofPushed(ConsumerEvent event, String conference) {
        return "webhook-" + event.name() + (conference == null ? "" : "-" + conference);
    }

    /** The reports of one conference. */
    static String ofConference(String conference) {
        return "conference-" + conference;
    }

    /** A list's parameters without those each read sets: the page (by either of its names) and the time filter. */
    static Map<String, Object> withoutPaging(Map<String, Object> parameters) {
        Map<String, Object> copy = new LinkedHashMap<>(parameters);
        for (Paging paging : Paging.values()) {
            if (paging.pageParameter() != null) {
                copy.remove(paging.pageParameter());
            }
        }
        copy.remove("start_time");
        return copy;
    }
}

package org.camelbigmarker.consumer.feed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.operation.Paging;

/**
 * What a list feed watches: its operation and fixed parameters, without those a read sets itself (page, start_time),
 * and the stable, compact name the store's keys and the webhook's path carry.
 */
final class ListScope {

    private ListScope() {
    }

    /**
     * The operation and a digest of its parameters (sorted; the page size left out, since it does not change what is
     * watched). Compact and free of '=' and spaces, so that any store keeps it as it is (a file store splits on '=',
     * JDBC stores limit key length).
     */
    static String of(BigMarkerOperation operation, Map<String, Object> parameters) {
        Map<String, String> watched = new TreeMap<>();
        parameters.forEach((name, value) -> watched.put(name, String.valueOf(value)));
        watched.remove(Paging.PER_PAGE);
        return watched.isEmpty() ? operation.name()
                : operation.name() + "-" + ItemIdentity.digest(watched.toString()).substring(0, 12);
    }

    /** The parameters without those each read sets: the page and the time filter. */
    static Map<String, Object> withoutPaging(Map<String, Object> parameters) {
        Map<String, Object> copy = new LinkedHashMap<>(parameters);
        copy.remove("page");
        copy.remove("current_page");
        copy.remove("start_time");
        return copy;
    }
}

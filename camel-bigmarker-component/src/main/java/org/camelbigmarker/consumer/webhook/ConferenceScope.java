package org.camelbigmarker.consumer.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.api.Pager;
import org.camelbigmarker.operation.Paging;

/** The conferences whose webhook a consumer sets: one, a channel's upcoming ones, or the account's of some types. */
@FunctionalInterface
public interface ConferenceScope {

    /** The conferences in scope now (read again at each look: new ones join). */
    List<String> current() throws Exception;

    static ConferenceScope one(String conference) {
        List<String> one = List.of(conference);
        return () -> one;
    }

    /** Every upcoming conference of a channel. */
    static ConferenceScope channel(ApiCaller caller, String channel, int maxPages) {
        return () -> conferencesOf(caller, BigMarkerOperation.listChannelConferences,
                Map.of("channel_url", channel, "timing", "future"), maxPages);
    }

    /** Every conference of the account of these types (future, happening_now, past). */
    static ConferenceScope account(ApiCaller caller, List<String> types, int maxPages) {
        return () -> {
            List<String> ids = new ArrayList<>();
            for (String type : types) {
                ids.addAll(conferencesOf(caller, BigMarkerOperation.listConferences, Map.of("type", type), maxPages));
            }
            return ids;
        };
    }

    /** The ids of every conference a list answers (every page, {@value Pager#CONSUMER_PAGE_SIZE} a page). */
    private static List<String> conferencesOf(ApiCaller caller, BigMarkerOperation list, Map<String, Object> filter,
                                              int maxPages) throws Exception {
        Map<String, Object> parameters = new LinkedHashMap<>(filter);
        parameters.put(Paging.PER_PAGE, Pager.CONSUMER_PAGE_SIZE);
        Pager<String> pager = new Pager<>(caller, list, parameters, conference -> conference.path("id").asText(""),
                maxPages);
        List<String> ids = new ArrayList<>();
        while (pager.hasNext()) {
            pager.next().items().stream().filter(id -> !id.isEmpty()).forEach(ids::add);
        }
        return ids;
    }
}

package org.camelbigmarker;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/**
 * What an operator, a test or a script can ask of a running bigmarker consumer and do with it (docs/operations.md):
 * look an item up, see where the consumer stands, export its state, list the items it gave up on and redeliver them,
 * replay and reset. The same operations are on the consumer's JMX MBean. Bulk listings name registrants' keys: they
 * are operator actions, never shown in overviews, metrics or health details.
 */
public interface ConsumerOperations {

    /** The operations of the bigmarker consumer of route {@code routeId}, failing when it has none. */
    static ConsumerOperations of(CamelContext camel, String routeId) {
        Route route = camel.getRoute(routeId);
        if (route == null || !(route.getConsumer() instanceof ConsumerOperations operations)) {
            throw new IllegalArgumentException("Route " + routeId + " has no bigmarker consumer");
        }
        return operations;
    }

    /** Where one item stands, by its key (the exchange's {@link BigMarkerConstants#ITEM_KEY} header). */
    ItemLookup lookup(String key);

    /**
     * Where one item stands, by its identity fields as the API shows them (for registrations {@code email}, with
     * {@code conference_id} for a channel's): the consumer works out its key as it would for the item.
     */
    ItemLookup lookupItem(Map<String, String> identity);

    /** Where the consumer stands as its store says: cursor, reconciliation, tracked conferences. */
    Map<String, Object> progress();

    /** The keys this consumer has claimed and is delivering now. */
    List<String> claims();

    /** The consumer's state as JSON: progress, claims, items given up on (an operator's export). */
    String exportState();

    /** The items given up on after maxDeliveryAttempts and kept, oldest first. */
    List<GivenUpItem> givenUp();

    /** Delivers again one item given up on, now; it is kept again if the route fails once more. */
    Redelivery redeliverGivenUp(String key);

    /** Delivers again every item given up on, oldest first. */
    Redelivery redeliverAllGivenUp();

    /** Delivers again the items given up on of one conference. */
    Redelivery redeliverGivenUpOfConference(String conferenceId);

    /** Forgets an item given up on without delivering it; true when one was kept. */
    boolean discardGivenUp(String key);

    /** Delivers again the items recorded since {@code time} (ISO-8601 or Unix seconds), as the next reads meet them. */
    String replayFrom(String time);

    /** Delivers again one conference's items (registrations or reports) as the next reads meet them. */
    String replayConference(String conferenceId);

    /** Forgets everything this consumer recorded: the next poll starts as with a new store. */
    String resetStore();

    /**
     * Where an item stands.
     *
     * @param state       {@code new} (not delivered), {@code in_flight}, {@code delivered} or {@code given_up}
     *                    (recorded as delivered after maxDeliveryAttempts, kept for redelivery)
     * @param deliveredAt when it was recorded as delivered (this consumer's clock), or null; null too where the store
     *                    keeps no times (Camel repositories)
     * @param failures    how often its route failed on this node since the consumer started
     * @param givenUp     its record when it was given up on, else null
     */
    record ItemLookup(String key, String state, Instant deliveredAt, int failures, GivenUpItem givenUp) {
    }

    /**
     * An item given up on: its key, how often it failed, the last failure, when, its conference, and whether its
     * content was kept (an item too large for the store's values is kept without it, and cannot be redelivered).
     */
    record GivenUpItem(String key, int attempts, String lastFailure, Instant givenUpAt, String conferenceId,
            boolean contentKept) {
    }

    /** What a redelivery came to: the keys delivered, those whose route failed again (kept), and those not sent. */
    record Redelivery(List<String> delivered, List<String> givenUpAgain, List<String> notSent) {
    }
}

package org.camelbigmarker.consumer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelbigmarker.ConsumerOperations.GivenUpItem;
import org.camelbigmarker.ConsumerOperations.ItemLookup;
import org.camelbigmarker.api.JsonSupport;
import org.camelbigmarker.consumer.delivery.DeliveryLedger;
import org.camelbigmarker.consumer.delivery.GivenUpItems;
import org.camelbigmarker.consumer.delivery.ItemState;
import org.camelbigmarker.consumer.feed.Feed;
import org.camelbigmarker.state.ConsumerStore;

/** An operator's questions to one consumer: where an item stands, where the consumer stands, its state as JSON. */
final class ConsumerQueries {

    private final DeliveryLedger ledger;
    private final ConsumerStore store;
    private final GivenUpItems givenUp;
    private final Supplier<Feed> feed;

    ConsumerQueries(DeliveryLedger ledger, ConsumerStore store, GivenUpItems givenUp, Supplier<Feed> feed) {
        this.ledger = ledger;
        this.store = store;
        this.givenUp = givenUp;
        this.feed = feed;
    }

    ItemLookup lookup(String key) {
        ItemState state = ledger.state(key);
        Optional<GivenUpItem> kept = givenUp.get(key).map(ConsumerQueries::summaryOf);
        Long stamp = state == ItemState.DELIVERED ? store.stampsOf(List.of(key)).get(key) : null;
        String named = kept.isPresent() && state == ItemState.DELIVERED ? "given_up"
                : state.name().toLowerCase(java.util.Locale.ROOT);
        return new ItemLookup(key, named, stamp == null || stamp < 0 ? null : Instant.ofEpochSecond(stamp),
                ledger.attemptOf(key) - 1, kept.orElse(null));
    }

    ItemLookup lookupItem(Map<String, String> identity) {
        ObjectNode item = JsonSupport.mapper().createObjectNode();
        identity.forEach(item::put);
        String key = feed.get().keyOf(item).orElseThrow(() -> new UnsupportedOperationException(
                "this consumer's keys are not made from an item's fields alone: look the item up by its key (the"
                + " CamelBigMarkerItemKey header)"));
        return lookup(key);
    }

    Map<String, Object> progress() {
        return new LinkedHashMap<>(feed.get().progress());
    }

    List<String> claims() {
        return ledger.inFlightKeys();
    }

    List<GivenUpItem> givenUp() {
        return givenUp.all().stream().map(ConsumerQueries::summaryOf).toList();
    }

    static GivenUpItem summaryOf(GivenUpItems.GivenUp kept) {
        return new GivenUpItem(kept.key(), kept.attempts(), kept.failure(), kept.at(), kept.conferenceId(),
                kept.item() != null);
    }

    /** The consumer's state as JSON (an operator's export: it names keys). */
    String exportState(String routeId) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("routeId", routeId);
        state.put("progress", progress());
        state.put("claims", claims());
        state.put("deliveredKeysInStore", store.deliveredCount());
        state.put("givenUp", givenUp().stream().map(ConsumerQueries::asMap).toList());
        return JsonSupport.mapper().valueToTree(state).toPrettyString();
    }

    static Map<String, Object> asMap(GivenUpItem item) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key", item.key());
        map.put("attempts", item.attempts());
        map.put("lastFailure", item.lastFailure());
        map.put("givenUpAt", item.givenUpAt().toString());
        map.put("conferenceId", item.conferenceId());
        map.put("contentKept", item.contentKept());
        return map;
    }

    static Map<String, Object> asMap(ItemLookup lookup) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key", lookup.key());
        map.put("state", lookup.state());
        map.put("deliveredAt", lookup.deliveredAt() == null ? null : lookup.deliveredAt().toString());
        map.put("failures", lookup.failures());
        map.put("givenUp", lookup.givenUp() == null ? null : asMap(lookup.givenUp()));
        return map;
    }
}

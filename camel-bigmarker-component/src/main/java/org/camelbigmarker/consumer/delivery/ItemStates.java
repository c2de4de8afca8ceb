package org.camelbigmarker.consumer.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where items stand (in flight, delivered, new), how to wait for one in flight, and recording without delivering: what
 * a feed asks of the {@link DeliveryLedger} while it reads.
 */
public interface ItemStates {

    /** Where each of a page's items stands: one look-up in the store for the page. */
    Map<String, ItemState> states(Collection<String> keys);

    /**
     * Makes {@code round} wait for an item another poll is still delivering, so that nothing this poll decides (a
     * cursor, a report marked done) gets ahead of it. Returns false when the item is no longer in flight; then
     * {@link #state} tells whether it was delivered.
     */
    boolean holdUntilDelivered(String key, DeliveryRound round);

    /** Records keys as delivered without delivering them (start from "now": existing items are not news). */
    void markSeen(Collection<String> keys);

    default ItemState state(String key) {
        return states(List.of(key)).get(key);
    }

    /** Whether an item with this key was delivered; an item still in flight was not. */
    default boolean alreadyDelivered(String key) {
        return state(key) == ItemState.DELIVERED;
    }

    default void markSeen(String key) {
        markSeen(List.of(key));
    }
}

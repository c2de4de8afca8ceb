package org.camelbigmarker.consumer.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where a feed hands its new items: the consumer, which turns them into exchanges and tracks their delivery. */
public interface Emitter {

    /** Where an item stands, by its key. */
    enum ItemState {
        /** Never delivered, not being delivered: deliver it. */
        NEW,
        /** Its exchange is still running (an asynchronous route): not delivered yet, and not to be sent again. */
        IN_FLIGHT,
        /** Its exchange completed successfully. */
        DELIVERED
    }

    /** A round whose progress step runs once its exchanges are confirmed and recorded (see {@link DeliveryRound}). */
    DeliveryRound newRound(Runnable progress);

    /**
     * Delivers one page's new items as one batch; {@code round} waits for each of them.
     *
     * @return false when the poll's budget (maxMessagesPerPoll) is used up or the consumer is stopping: the feed then
     *         stops fetching and leaves its state unchanged
     */
    boolean emit(List<FeedItem> items, DeliveryRound round) throws Exception;

    /** Where items stand and how to wait for them: the delivery ledger. */
    ItemStates items();

    /** Where each of a page's items stands: one look-up in the store for the page. */
    default Map<String, ItemState> states(Collection<String> keys) {
        return items().states(keys);
    }

    default ItemState state(String key) {
        return states(List.of(key)).get(key);
    }

    /**
     * Makes {@code round} wait for an item another poll is still delivering, so that nothing this poll decides (a
     * cursor, a report marked done) gets ahead of it. Returns false when the item is no longer in flight; then
     * {@link #state} tells whether it was delivered.
     */
    default boolean holdUntilDelivered(String key, DeliveryRound round) {
        return items().holdUntilDelivered(key, round);
    }

    /** Whether an item with this key was delivered; an item still in flight was not. */
    default boolean alreadyDelivered(String key) {
        return state(key) == ItemState.DELIVERED;
    }

    /** Records keys as delivered without delivering them (start from "now": existing items are not news). */
    default void markSeen(Collection<String> keys) {
        items().markSeen(keys);
    }

    default void markSeen(String key) {
        markSeen(List.of(key));
    }
}

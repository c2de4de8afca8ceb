package org.camelbigmarker.consumer;

import java.util.List;

/** Where a feed hands its new items: the consumer, which turns them into exchanges and tracks their delivery. */
interface Emitter {

    /** Where an item stands, by its key. */
    enum ItemState {
        /** Never delivered, not being delivered: deliver it. */
        NEW,
        /** Its exchange is still running (an asynchronous route): not delivered yet, and not to be sent again. */
        IN_FLIGHT,
        /** Its exchange completed successfully. */
        DELIVERED
    }

    /**
     * Delivers one page's new items as one batch; {@code round} waits for each of them.
     *
     * @return false when the poll's budget (maxMessagesPerPoll) is used up or the consumer is stopping: the feed then
     *         stops fetching and leaves its state unchanged
     */
    boolean emit(List<FeedItem> items, DeliveryRound round) throws Exception;

    ItemState state(String key);

    /**
     * Makes {@code round} wait for an item another poll is still delivering, so that nothing this poll decides (a
     * cursor, a report marked done) gets ahead of it. Returns false when the item is no longer in flight; then
     * {@link #state} tells whether it was delivered.
     */
    boolean holdUntilDelivered(String key, DeliveryRound round);

    /** Whether an item with this key was delivered; an item still in flight was not. */
    default boolean alreadyDelivered(String key) {
        return state(key) == ItemState.DELIVERED;
    }

    /** Records a key as delivered without delivering it (start from "now": existing items are not news). */
    void markSeen(String key);
}

package org.camelbigmarker.consumer;

import java.util.List;

/** Where a feed hands its new items: the consumer, which turns them into exchanges. */
interface Emitter {

    /**
     * Delivers one page's new items as one batch.
     *
     * @return false when the poll's budget (maxMessagesPerPoll) is used up or the consumer is stopping: the feed then
     *         stops fetching and leaves its state unchanged
     */
    boolean emit(List<FeedItem> items, DeliveryRound round) throws Exception;

    /** Whether an item with this key was delivered before, or is being delivered now. */
    boolean alreadySeen(String key);

    /** Records a key as delivered without delivering it (start from "now": existing items are not news). */
    void markSeen(String key);
}

package org.camelbigmarker.consumer.feed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelbigmarker.api.Pager;
import org.camelbigmarker.consumer.delivery.DeliveryRound;
import org.camelbigmarker.consumer.delivery.ItemState;
import org.camelbigmarker.consumer.delivery.Emitter;
import org.camelbigmarker.consumer.delivery.FeedItem;

/**
 * The pages of one list read, as the feed sees them: whether the read is still proven complete (the list did not
 * shift while it was read, no item failed while in flight), and each page's items sorted into new ones to deliver and
 * ones another delivery still holds. Shift detection needs only the page before: an item pushed down by an insertion
 * shows up again at the top of the next page, a deletion changes the total; keeping one page of keys keeps memory per
 * page, not per list.
 */
final class ListPages {

    /** An item of a page with its key. */
    record KeyedItem(String key, JsonNode json) {
    }

    private final Function<JsonNode, ListFeed.FeedItemBody> bodies;
    private Set<String> previousPage = new HashSet<>();
    private boolean firstPage = true;
    private Long firstTotal;
    private boolean provenComplete = true;

    ListPages(Function<JsonNode, ListFeed.FeedItemBody> bodies) {
        this.bodies = bodies;
    }

    /** The page's keys, each once; an item seen on the page before, or twice on this one, means the list shifted. */
    Set<String> keysOf(Pager.Page<KeyedItem> page) {
        Long total = page.paging().totalEntries();
        if (firstPage) {
            firstTotal = total;
            firstPage = false;
        } else if (!Objects.equals(firstTotal, total)) {
            provenComplete = false; // the list changed while it was read: an item may have moved past us
        }
        Set<String> thisPage = new LinkedHashSet<>();
        for (KeyedItem item : page.items()) {
            if (previousPage.contains(item.key()) || !thisPage.add(item.key())) {
                provenComplete = false;
            }
        }
        previousPage = thisPage;
        return thisPage;
    }

    /**
     * The page's items not delivered yet, shaped for delivery (one look-up for the page); an item another delivery
     * holds makes {@code round} wait for it, and one whose delivery failed meanwhile leaves the read unproven.
     */
    List<FeedItem> fresh(Pager.Page<KeyedItem> page, Set<String> keys, Emitter emitter, DeliveryRound round) {
        Map<String, ItemState> states = emitter.items().states(keys);
        List<FeedItem> fresh = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (KeyedItem item : page.items()) {
            if (!taken.add(item.key())) {
                continue;
            }
            ItemState state = states.get(item.key());
            if (state == ItemState.NEW) {
                ListFeed.FeedItemBody body = bodies.apply(item.json());
                fresh.add(new FeedItem(item.key(), body.body(), body.headers()));
            } else if (state == ItemState.IN_FLIGHT && !emitter.items().holdUntilDelivered(item.key(), round)
                       && !emitter.items().alreadyDelivered(item.key())) {
                provenComplete = false; // its delivery failed while this poll read: the next poll sends it
            }
        }
        return fresh;
    }

    /** The read was cut short (budget used up, stopping). */
    void cutShort() {
        provenComplete = false;
    }

    boolean provenComplete() {
        return provenComplete;
    }
}

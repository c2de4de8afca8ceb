package org.camelbigmarker.consumer.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.camelbigmarker.api.Pager;
import org.camelbigmarker.client.PageInfo;
import org.camelbigmarker.consumer.delivery.DeliveryRound;
import org.camelbigmarker.consumer.delivery.Emitter;
import org.camelbigmarker.consumer.delivery.FeedItem;
import org.camelbigmarker.consumer.delivery.ItemState;
import org.camelbigmarker.consumer.delivery.ItemStates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One read's pages: when the read stops being proven complete, and which items of a page are new. */
class ListPagesTest {

    private final ListPages pages = new ListPages(item -> new ListFeed.FeedItemBody(item.path("id").asText(), Map.of()));
    private final Map<String, ItemState> states = new LinkedHashMap<>();
    private final Map<String, Boolean> stillInFlight = new LinkedHashMap<>();
    private final Emitter emitter = new Emitter() {
        @Override
        public DeliveryRound newRound(Runnable progress) {
            return new DeliveryRound(progress);
        }

        @Override
        public boolean emit(List<FeedItem> items, DeliveryRound round) {
            return true;
        }

        @Override
        public ItemStates items() {
            return new ItemStates() {
                @Override
                public Map<String, ItemState> states(Collection<String> keys) {
                    Map<String, ItemState> found = new LinkedHashMap<>();
                    keys.forEach(key -> found.put(key, ListPagesTest.this.states.getOrDefault(key, ItemState.NEW)));
                    return found;
                }

                @Override
                public boolean holdUntilDelivered(String key, DeliveryRound round) {
                    return stillInFlight.getOrDefault(key, false);
                }

                @Override
                public void markSeen(Collection<String> keys) {
                }
            };
        }
    };

    private static Pager.Page<ListPages.KeyedItem> page(Long total, String... keys) {
        List<ListPages.KeyedItem> items = new ArrayList<>();
        for (String key : keys) {
            items.add(new ListPages.KeyedItem(key, JsonNodeFactory.instance.objectNode().put("id", key)));
        }
        return new Pager.Page<>(1, items, new PageInfo(null, null, null, total), null);
    }

    @Test
    void pagesThatFollowOneAnotherLeaveTheReadProvenComplete() {
        assertThat(pages.keysOf(page(4L, "a", "b"))).containsExactly("a", "b");
        assertThat(pages.keysOf(page(4L, "c", "d"))).containsExactly("c", "d");
        assertThat(pages.provenComplete()).isTrue();
    }

    @Test
    void anItemPushedDownOntoTheNextPageMeansTheListShifted() {
        pages.keysOf(page(null, "a", "b"));
        pages.keysOf(page(null, "b", "c"));
        assertThat(pages.provenComplete()).isFalse();
    }

    @Test
    void aTotalThatChangesWhileReadingMeansTheListShifted() {
        pages.keysOf(page(4L, "a", "b"));
        pages.keysOf(page(3L, "c"));
        assertThat(pages.provenComplete()).isFalse();
    }

    @Test
    void anItemTwiceOnOnePageMeansTheListShifted() {
        pages.keysOf(page(null, "a", "a"));
        assertThat(pages.provenComplete()).isFalse();
    }

    @Test
    void onlyNewItemsAreFreshEachOnce() {
        states.put("b", ItemState.DELIVERED);
        Pager.Page<ListPages.KeyedItem> page = page(null, "a", "b", "a", "c");
        Set<String> keys = pages.keysOf(page);
        List<FeedItem> fresh = pages.fresh(page, keys, emitter, new DeliveryRound(() -> {
        }));
        assertThat(fresh).extracting(FeedItem::key).containsExactly("a", "c");
        assertThat(fresh).extracting(FeedItem::body).containsExactly("a", "c");
    }

    @Test
    void anItemInFlightElsewhereIsWaitedForAndOneWhoseDeliveryFailedLeavesTheReadUnproven() {
        states.put("held", ItemState.IN_FLIGHT);
        stillInFlight.put("held", true);
        Pager.Page<ListPages.KeyedItem> page = page(null, "held");
        assertThat(pages.fresh(page, pages.keysOf(page), emitter, new DeliveryRound(() -> {
        }))).isEmpty();
        assertThat(pages.provenComplete()).as("the round waits for it").isTrue();

        stillInFlight.put("held", false); // its delivery ended meanwhile, and not as delivered
        pages.fresh(page, Set.of("held"), emitter, new DeliveryRound(() -> {
        }));
        assertThat(pages.provenComplete()).isFalse();
    }

    @Test
    void aReadCutShortIsNotProvenComplete() {
        pages.keysOf(page(null, "a"));
        pages.cutShort();
        assertThat(pages.provenComplete()).isFalse();
    }
}

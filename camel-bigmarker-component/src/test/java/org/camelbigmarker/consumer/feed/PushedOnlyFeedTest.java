package org.camelbigmarker.consumer.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.ConsumerEvent;
import org.camelbigmarker.consumer.delivery.FeedItem;
import org.camelbigmarker.state.MemoryConsumerStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An event only the webhook brings: nothing to poll, pushed items keyed by their identity in the feed's scope. */
class PushedOnlyFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MemoryConsumerStore store = new MemoryConsumerStore();
    private final FeedState state = new FeedState(store);
    private final PushedOnlyFeed feed = new PushedOnlyFeed(ConsumerEvent.liveAttendeeData, "conference_id",
            ItemIdentity.fields("conference_id").withContent(), "c1", item -> item.path("email").asText(), state);

    @Test
    void aPushedItemIsKeyedByItsContentInTheFeedsScopeWithItsConferenceInAHeader() throws Exception {
        FeedItem one = feed.pushed(JSON.readTree("{\"conference_id\":\"c1\",\"email\":\"ann@example.com\"}"));
        FeedItem again = feed.pushed(JSON.readTree("{\"conference_id\":\"c1\",\"email\":\"ann@example.com\"}"));
        FeedItem other = feed.pushed(JSON.readTree("{\"conference_id\":\"c1\",\"email\":\"bob@example.com\"}"));
        assertThat(one.key()).isEqualTo(again.key()).isNotEqualTo(other.key());
        assertThat(one.body()).isEqualTo("ann@example.com");
        assertThat(one.headers()).containsEntry(BigMarkerConstants.CONFERENCE_ID, "c1")
                .containsEntry(BigMarkerConstants.EVENT, "liveAttendeeData");
        assertThat(feed.scope()).isEqualTo("webhook-liveAttendeeData-c1");
    }

    @Test
    void aPollReadsNothingAndAResetForgetsWhatWasPushed() throws Exception {
        assertThat(feed.poll(null)).isZero();
        FeedItem one = feed.pushed(JSON.readTree("{\"conference_id\":\"c1\",\"email\":\"ann@example.com\"}"));
        store.markDelivered(java.util.List.of(one.key()), 1);
        assertThat(feed.reset()).startsWith("1 pushed items");
        assertThat(store.deliveredCount()).isZero();
    }
}

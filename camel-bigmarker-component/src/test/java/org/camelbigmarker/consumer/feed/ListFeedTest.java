package org.camelbigmarker.consumer.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.docshape.DocumentShapedBigMarker;
import org.camelbigmarker.operation.InvalidParameterException;
import org.camelbigmarker.state.MemoryConsumerStore;
import org.camelbigmarker.testing.Callers;
import org.camelbigmarker.testing.ImmediateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One list feed against the document-shaped server, its clock driven (items' times and the Date header): what a poll
 * delivers, where the cursor goes, and what a failure, a replay and a reset leave.
 */
class ListFeedTest {

    private final MemoryConsumerStore store = new MemoryConsumerStore();
    private final FeedState state = new FeedState(store);
    private DocumentShapedBigMarker server;
    private ImmediateEmitter route;

    @BeforeEach
    void start() throws Exception {
        server = new DocumentShapedBigMarker();
        state.checkFormat();
        route = new ImmediateEmitter(store, server.clock());
    }

    @AfterEach
    void stop() throws Exception {
        route.close();
        server.close();
    }

    private ListFeed feed(String startFrom) {
        return feed(startFrom, Map.of("conference_id", "c1"));
    }

    private ListFeed feed(String startFrom, Map<String, Object> parameters) {
        ReadSettings settings = new ReadSettings(StartFrom.parse(startFrom), Duration.ofMinutes(2), 100,
                Duration.ZERO, Duration.ofDays(1), server.clock());
        return new ListFeed(Callers.to(server.baseUrl(), "k"), BigMarkerOperation.listRegistrations,
                parameters, ItemIdentity.fields("email"), settings, state,
                item -> new ListFeed.FeedItemBody(item.path("email").asText(), Map.of()));
    }

    private void later() {
        server.clock().advance(Duration.ofMinutes(10));
    }

    @Test
    void aPollDeliversWhatIsNewAndTheCursorFollowsBigMarkersClock() throws Exception {
        ListFeed feed = feed("beginning");
        server.register("ann@example.com", "bob@example.com");
        assertThat(feed.poll(route)).isEqualTo(2);
        Instant firstRead = server.clock().instant();
        later();
        server.register("cy@example.com");
        assertThat(feed.poll(route)).isEqualTo(1);
        assertThat(route.delivered).extracting(item -> item.body())
                .containsExactly("ann@example.com", "bob@example.com", "cy@example.com");
        assertThat(feed.progress().get("cursor")).as("BigMarker's clock at the start of the last complete read")
                .isEqualTo(String.valueOf(server.clock().instant().getEpochSecond()))
                .isNotEqualTo(String.valueOf(firstRead.getEpochSecond()));
    }

    @Test
    void startingFromNowDeliversNothingThatWasThere() throws Exception {
        server.register("old@example.com");
        ListFeed feed = feed("now");
        assertThat(feed.poll(route)).isZero();
        later();
        server.register("new@example.com");
        feed.poll(route);
        assertThat(route.delivered).extracting(item -> item.body()).containsExactly("new@example.com");
    }

    @Test
    void aFailedItemKeepsTheCursorSoTheNextPollBringsIt() throws Exception {
        ListFeed feed = feed("beginning");
        server.register("ann@example.com", "bob@example.com");
        route.failFor("bob@example.com");
        feed.poll(route);
        assertThat(feed.progress().get("cursor")).as("not moved past an item not delivered").isNull();
        route.healed();
        later();
        feed.poll(route);
        assertThat(route.delivered).extracting(item -> item.body()).containsExactly("ann@example.com",
                "bob@example.com");
    }

    @Test
    void aReadNotProvenCompleteLeavesTheCursorWhereItWas() throws Exception {
        server.ignoringThePageParameter();
        ListFeed feed = feed("beginning", Map.of("conference_id", "c1", "per_page", 1));
        server.register("ann@example.com", "bob@example.com");
        feed.poll(route);
        assertThat(route.delivered).extracting(item -> item.body()).containsExactly("ann@example.com");
        assertThat(feed.progress().get("cursor")).as("the page parameter was ignored: bob was never seen").isNull();
    }

    @Test
    void anItemPushedIsKeyedAsTheReadKeysIt() throws Exception {
        ListFeed feed = feed("beginning");
        server.register("ann@example.com");
        feed.poll(route);
        String pushedKey = feed.pushed(new ObjectMapper().readTree("{\"email\":\"Ann@Example.com\"}")).key();
        assertThat(route.keys()).containsExactly(pushedKey);
    }

    @Test
    void aResetDeliversEverythingAgainAndAReplayWhatWasRecordedSince() throws Exception {
        ListFeed feed = feed("beginning");
        server.register("ann@example.com");
        feed.poll(route);
        later();
        Instant replayFrom = server.clock().instant();
        server.register("bob@example.com");
        feed.poll(route);
        later();
        assertThat(feed.replayFrom(replayFrom)).startsWith("1 items");
        feed.poll(route);
        assertThat(route.delivered).extracting(item -> item.body()).containsExactly("ann@example.com",
                "bob@example.com", "bob@example.com");
        assertThat(feed.reset()).startsWith("2 items");
        feed.poll(route);
        assertThat(route.delivered).hasSize(5);
    }

    @Test
    void anOperationThatReturnsNoListCannotFeedAConsumer() {
        ReadSettings settings = new ReadSettings(StartFrom.parse("beginning"), Duration.ZERO, 1, Duration.ZERO,
                Duration.ZERO, server.clock());
        assertThatThrownBy(() -> new ListFeed(Callers.to(server.baseUrl(), "k"), BigMarkerOperation.showConference,
                Map.of(), ItemIdentity.fields("id"), settings, state, item -> null))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("does not return a list");
    }

    @Test
    void aStartTimeNeedsAListWithATimeFilter() {
        ReadSettings settings = new ReadSettings(StartFrom.parse("2026-12-01T00:00:00Z"), Duration.ZERO, 1,
                Duration.ZERO, Duration.ZERO, server.clock());
        assertThatThrownBy(() -> new ListFeed(Callers.to(server.baseUrl(), "k"), BigMarkerOperation.listChannels,
                Map.of(), ItemIdentity.fields("id"), settings, state, item -> null))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("startFrom");
    }
}

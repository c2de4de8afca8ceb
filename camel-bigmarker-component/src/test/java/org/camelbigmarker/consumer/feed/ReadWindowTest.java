package org.camelbigmarker.consumer.feed;

import java.time.Duration;
import java.time.Instant;

import org.camelbigmarker.state.MemoryConsumerStore;
import org.camelbigmarker.testing.DrivenClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where reads start (overlap, horizon, never before the floor) and what a complete read leaves behind. */
class ReadWindowTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private final DrivenClock clock = new DrivenClock(T);
    private final MemoryConsumerStore store = new MemoryConsumerStore();
    private final FeedState state = new FeedState(store);
    private final ListState list = state.list("scope");

    private ReadWindow window(String startFrom, boolean timeFiltered) {
        return new ReadWindow(new ReadSettings(StartFrom.parse(startFrom), Duration.ofMinutes(2), 10,
                Duration.ofHours(1), Duration.ofDays(1), clock), list, timeFiltered);
    }

    @Test
    void aReadReachesTheOverlapBeforeTheCursorAndAReconciliationTheHorizon() {
        ReadWindow window = window("beginning", true);
        assertThat(window.startOfRead(T)).isEqualTo(T.minus(Duration.ofMinutes(2)));
        assertThat(window.horizonStart(T)).isEqualTo(T.minus(Duration.ofDays(1)));
    }

    @Test
    void noReadReachesBeforeWhereTheUserAskedToStart() {
        ReadWindow window = window("2026-12-01T09:59:30Z", true);
        assertThat(window.startOfRead(T)).isEqualTo(Instant.parse("2026-12-01T09:59:30Z"));
        assertThat(window.horizonStart(T)).isEqualTo(Instant.parse("2026-12-01T09:59:30Z"));
        list.setFloor(T.minusSeconds(10)); // startFrom=now's floor
        assertThat(window("now", true).horizonStart(T)).isEqualTo(T.minusSeconds(10));
    }

    @Test
    void aCompleteReadMovesTheCursorAndStampsTheReconciliationWhichIsDueAnIntervalLater() {
        ReadWindow window = window("beginning", true);
        window.completed(T, false, false);
        assertThat(list.cursor()).hasValueSatisfying(cursor -> assertThat(cursor.time()).isEqualTo(T));
        assertThat(window.reconciliationDue()).isFalse();
        clock.advance(Duration.ofHours(1));
        assertThat(window.reconciliationDue()).isTrue();
    }

    @Test
    void aReconciliationForgetsTheKeysNoLaterReadCanReturn() {
        store.markDelivered(java.util.List.of(list.itemKey("email=old@example.com")),
                T.minus(Duration.ofDays(3)).getEpochSecond());
        store.markDelivered(java.util.List.of(list.itemKey("email=new@example.com")), T.getEpochSecond());
        window("beginning", true).completed(T, false, true);
        assertThat(store.deliveredCount()).isEqualTo(1);
    }

    @Test
    void aListWithoutATimeFilterIsMarkedScannedAndNeverReconciled() {
        ReadWindow window = window("beginning", false);
        window.completed(null, false, false);
        assertThat(list.cursor()).hasValueSatisfying(cursor -> assertThat(cursor.scanned()).isTrue());
        clock.advance(Duration.ofDays(2));
        assertThat(window.reconciliationDue()).as("read whole on every poll anyway").isFalse();
    }
}

package org.camelbigmarker.consumer.feed;

import java.time.Duration;
import java.time.Instant;

import org.camelbigmarker.testing.DrivenClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A cursor is the earlier of BigMarker's clock and this machine's, so that a clock ahead holds no item back. */
class CursorClockTest {

    private final DrivenClock local = new DrivenClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final CursorClock clock = new CursorClock(local, "scope");

    @Test
    void aDateAheadOfThisMachineGivesThisMachinesTime() {
        assertThat(clock.cursorTime(local.instant().plus(Duration.ofHours(2)))).isEqualTo(local.instant());
        assertThat(clock.skewSeconds()).isEqualTo(7200);
    }

    @Test
    void aDateBehindIsTakenAsItIs() {
        Instant behind = local.instant().minusSeconds(30);
        assertThat(clock.cursorTime(behind)).isEqualTo(behind);
        assertThat(clock.skewSeconds()).isEqualTo(-30);
    }

    @Test
    void anAnswerWithoutADateGivesNoCursorTime() {
        assertThat(clock.cursorTime(null)).isNull();
        assertThat(clock.skewSeconds()).as("nothing read with a Date yet").isNull();
    }
}

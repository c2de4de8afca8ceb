package org.camelbigmarker.consumer.feed;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports read again after a read with nothing new: 5 minutes apart at first, a tenth of their age later, capped. */
class ReportScheduleTest {

    private static final Instant ENDED = Instant.parse("2026-12-01T10:00:00Z");
    private final ReportSchedule schedule = new ReportSchedule(Duration.ofHours(1));

    @Test
    void theWaitGrowsWithTheConferencesAgeUpToTheLongest() {
        assertThat(schedule.waitAt(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(5));
        assertThat(schedule.waitAt(Duration.ofMinutes(200))).isEqualTo(Duration.ofMinutes(20));
        assertThat(schedule.waitAt(Duration.ofDays(3))).isEqualTo(Duration.ofHours(1));
        assertThat(new ReportSchedule(Duration.ZERO).waitAt(Duration.ofDays(3))).as("0: every poll").isZero();
    }

    @Test
    void aConferenceIsDueFirstThenAfterItsWaitUnlessItsLastReadFoundSomething() {
        long ended = ENDED.getEpochSecond();
        Instant serverNow = ENDED.plus(Duration.ofMinutes(200));
        Instant localNow = Instant.parse("2026-12-01T20:00:00Z");
        assertThat(schedule.due("c1", ended, serverNow, localNow)).as("never read in this run").isTrue();
        schedule.read("c1", localNow, false);
        assertThat(schedule.due("c1", ended, serverNow, localNow.plus(Duration.ofMinutes(19)))).isFalse();
        assertThat(schedule.due("c1", ended, serverNow, localNow.plus(Duration.ofMinutes(20)))).isTrue();
        schedule.read("c1", localNow, true);
        assertThat(schedule.due("c1", ended, serverNow, localNow)).as("something new: read on the next poll").isTrue();
    }

    @Test
    void withoutBigMarkersClockTheFirstWaitApplies() {
        Instant localNow = Instant.parse("2026-12-01T20:00:00Z");
        schedule.read("c1", localNow, false);
        assertThat(schedule.due("c1", 0, null, localNow.plus(Duration.ofMinutes(4)))).isFalse();
        assertThat(schedule.due("c1", 0, null, localNow.plus(Duration.ofMinutes(5)))).isTrue();
        schedule.forget("c1");
        assertThat(schedule.due("c1", 0, null, localNow)).isTrue();
    }
}

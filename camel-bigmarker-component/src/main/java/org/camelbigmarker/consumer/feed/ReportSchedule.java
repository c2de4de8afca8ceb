package org.camelbigmarker.consumer.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When an ended conference's reports are read again, after a read that found nothing new: {@value #FIRST_MINUTES}
 * minutes apart at first, then a tenth of the time since the end apart, never more than the longest wait
 * (reportRecheckInterval; 0 reads on every poll). So a report that becomes
 * ready (or grows, or gets a wave of on-demand viewers) a time W after the end is delivered within
 * max(5 min, W / 10), up to the longest wait, and a conference costs a bounded number of reads a day however long its
 * reports take: about 50 in its first day with the defaults, 24 a day after (docs/consumers.md).
 */
final class ReportSchedule {

    static final int FIRST_MINUTES = 5;
    private static final Duration FIRST = Duration.ofMinutes(FIRST_MINUTES);

    private final Duration longest;
    /** When each conference was last read, by the local clock (it only schedules). */
    private final Map<String, Instant> lastRead = new ConcurrentHashMap<>();

    ReportSchedule(Duration longest) {
        this.longest = longest;
    }

    /** The wait between two reads of a conference that ended {@code age} ago; a longest wait of 0: none. */
    Duration waitAt(Duration age) {
        Duration tenth = age.dividedBy(10);
        Duration wait = tenth.compareTo(FIRST) > 0 ? tenth : FIRST;
        return wait.compareTo(longest) < 0 ? wait : longest.isNegative() ? Duration.ZERO : longest;
    }

    /**
     * Whether the conference is due: never read in this run, or its wait has passed. The age comes from BigMarker's
     * clock (when it was seen ended, and now); without it, the first wait applies.
     */
    boolean due(String conference, long endedAtSeconds, Instant serverNow, Instant localNow) {
        Instant last = lastRead.get(conference);
        if (last == null) {
            return true;
        }
        Duration age = serverNow == null || endedAtSeconds <= 0 ? Duration.ZERO
                : Duration.between(Instant.ofEpochSecond(endedAtSeconds), serverNow);
        return !localNow.isBefore(last.plus(waitAt(age.isNegative() ? Duration.ZERO : age)));
    }

    /**
     * Notes a read. One that found something new (new rows, or rows whose delivery failed and are due again) makes
     * the conference due on the next poll, as a list's items are; the schedule applies from a read with nothing new.
     */
    void read(String conference, Instant localNow, boolean somethingNew) {
        if (somethingNew) {
            lastRead.remove(conference);
        } else {
            lastRead.put(conference, localNow);
        }
    }

    void forget(String conference) {
        lastRead.remove(conference);
    }
}

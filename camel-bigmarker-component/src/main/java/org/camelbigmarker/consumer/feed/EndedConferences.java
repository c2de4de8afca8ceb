package org.camelbigmarker.consumer.feed;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.client.BigMarkerApiException;
import org.camelbigmarker.consumer.delivery.DeliveryRound;
import org.camelbigmarker.consumer.delivery.Emitter;
import org.camelbigmarker.consumer.delivery.FeedItem;
import org.camelbigmarker.consumer.delivery.ItemStates;
import org.camelbigmarker.operation.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.camelbigmarker.BigMarkerOperation.listConferenceAttendees;

/**
 * Which conferences the reports consumer follows: one given by conferenceId (from the poll that sees it ended), or
 * every conference the account's past list shows. Each is one store entry ({@link FeedState.FollowedConferences}) holding
 * when it was seen ended, by BigMarker's clock, written before the conference counts as seen. A followed conference
 * whose last read found nothing new is read again only after the recheck interval.
 */
public final class EndedConferences {

    private static final Logger LOG = LoggerFactory.getLogger(EndedConferences.class);

    private final ApiCaller caller;
    private final String fixedConference;
    private final ListFeed pastConferences;
    private final FeedState.FollowedConferences followed;
    private final FeedState state;
    private final ReportSchedule schedule;
    private final BigMarkerClock clock;

    /** @param pastConferences the past-conference list, or null when one conference is given */
    EndedConferences(ApiCaller caller, String fixedConference, ListFeed pastConferences, FeedState state,
                     Duration recheckInterval, BigMarkerClock clock) {
        this.caller = caller;
        this.fixedConference = fixedConference;
        this.pastConferences = pastConferences;
        this.state = state;
        this.followed = state.followed(fixedConference != null ? Scopes.ofConference(fixedConference)
                : pastConferences.scope());
        this.schedule = new ReportSchedule(recheckInterval);
        this.clock = clock;
    }

    /** The followed conferences, with those that ended since the last poll added: id to when it was seen ended. */
    Map<String, Long> followed(Emitter emitter) throws Exception {
        Map<String, Long> tracked = followed.all();
        if (fixedConference != null) {
            if (!tracked.containsKey(fixedConference)
                && !emitter.items().alreadyDelivered(FeedState.reportsFinishedKey(fixedConference)) && hasEnded(fixedConference)) {
                follow(tracked, fixedConference);
            }
        } else {
            pastConferences.poll(new Discovering(emitter, tracked));
        }
        for (Map.Entry<String, Long> conference : tracked.entrySet()) {
            if (conference.getValue() == 0 && clock.now() != null) { // seen ended before any answer had a Date
                conference.setValue(clock.nowSeconds());
                followed.follow(conference.getKey(), conference.getValue());
            }
        }
        return tracked;
    }

    /**
     * Whether a followed conference is to be read on this poll: by the report schedule, from when it was seen ended
     * (BigMarker's clock) and when it was last read (the local clock).
     */
    boolean dueForReading(String conference, long endedAt, Instant localNow) {
        return schedule.due(conference, endedAt, clock.now(), localNow);
    }

    /** Notes that the conference's reports were read, and whether anything was new. */
    void wasRead(String conference, Instant localNow, boolean somethingNew) {
        schedule.read(conference, localNow, somethingNew);
    }

    /**
     * An operator's replay of one conference: its delivered reports forgotten and the conference followed again, as
     * if it had just been seen ended; the next poll reads its reports.
     */
    String replay(String conference) {
        if (fixedConference != null && !fixedConference.equals(conference)) {
            throw new IllegalArgumentException("this consumer follows conference " + fixedConference + ", not "
                                               + conference);
        }
        int forgotten = state.forgetReportsOf(conference);
        follow(new LinkedHashMap<>(), conference);
        schedule.forget(conference);
        return forgotten + " delivered reports and rows of conference " + conference + " forgotten; its reports are"
               + " read on the next poll";
    }

    /** Forgets every followed conference's reports and the past list's state: the next poll starts anew. */
    String reset() {
        int forgotten = 0;
        for (String conference : followed.all().keySet()) {
            forgotten += state.forgetReportsOf(conference);
            followed.stopFollowing(conference);
            schedule.forget(conference);
        }
        if (fixedConference != null) {
            forgotten += state.forgetReportsOf(fixedConference);
        }
        String past = pastConferences == null ? "" : "; " + pastConferences.reset();
        return forgotten + " delivered reports and rows forgotten" + past;
    }

    /** All its reports are delivered and its window closed: it is no longer followed. */
    void finished(String conference, Emitter emitter) {
        emitter.items().markSeen(FeedState.reportsFinishedKey(conference));
        followed.stopFollowing(conference);
        schedule.forget(conference);
    }

    private void follow(Map<String, Long> tracked, String conference) {
        long endedAt = clock.nowSeconds();
        followed.follow(conference, endedAt);
        tracked.put(conference, endedAt);
    }

    /** BigMarker answers the attendees of a conference that has not ended with 404 "not ended yet". */
    private boolean hasEnded(String conference) throws IOException {
        try {
            Map<String, Object> probe = new LinkedHashMap<>();
            probe.put("conference_id", conference);
            probe.put(Paging.PER_PAGE, 1);
            clock.saw(caller.call(listConferenceAttendees, probe));
            return true;
        } catch (BigMarkerApiException answer) {
            if (answer.getStatusCode() == 404) {
                LOG.debug("Conference {} has not ended: {}", conference, answer.getErrorMessage());
                return false;
            }
            throw answer;
        }
    }


    /** How many ended conferences are followed for reports now. */
    int trackedCount() {
        return followed.count();
    }

    /** Takes the conferences the past list shows as new into the followed ones, instead of delivering them. */
    private final class Discovering implements Emitter {

        private final Emitter consumer;
        private final Map<String, Long> tracked;

        Discovering(Emitter consumer, Map<String, Long> tracked) {
            this.consumer = consumer;
            this.tracked = tracked;
        }

        @Override
        public DeliveryRound newRound(Runnable progress) {
            return consumer.newRound(progress);
        }

        @Override
        public ItemStates items() {
            return consumer.items();
        }

        @Override
        public boolean emit(List<FeedItem> items, DeliveryRound round) {
            List<String> keys = new ArrayList<>();
            for (FeedItem item : items) {
                String conference = (String) item.headers().get(BigMarkerConstants.CONFERENCE_ID);
                if (!tracked.containsKey(conference)) {
                    follow(tracked, conference); // recorded before the conference counts as seen
                }
                keys.add(item.key());
            }
            consumer.items().markSeen(keys);
            return true;
        }
    }
}

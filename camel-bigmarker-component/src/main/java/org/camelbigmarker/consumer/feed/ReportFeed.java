package org.camelbigmarker.consumer.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.api.ResultMapper;
import org.camelbigmarker.consumer.delivery.Emitter;

import static org.camelbigmarker.BigMarkerOperation.reportOnDemandAttendees;

/**
 * The post-webinar reports of conferences that ended. A conference is tracked from the poll that first sees it ended
 * (one conference given by conferenceId, or every conference the account's past list shows); each of its reports is
 * delivered once, as rows or as one exchange, and marked delivered only when all of it was. On-demand attendees keep
 * arriving after the end: that report is read again on every poll for onDemandWindowHours, and new rows delivered.
 */
public final class ReportFeed implements Feed {

    private final List<BigMarkerOperation> reports;
    private final EndedConferences conferences;
    private final ReportReader reader;
    private final Duration onDemandWindow;
    private final BigMarkerClock clock;
    private final java.time.Clock localClock;

    private ReportFeed(List<BigMarkerOperation> reports, EndedConferences conferences, ReportReader reader,
                       Duration onDemandWindow, BigMarkerClock clock, java.time.Clock localClock) {
        this.localClock = localClock;
        this.reports = reports;
        this.conferences = conferences;
        this.reader = reader;
        this.onDemandWindow = onDemandWindow;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> progress() {
        return Map.of("reports", reports.stream().map(Enum::name).toList(),
                "trackedConferences", conferences.trackedCount());
    }

    /**
     * @param conference      the one conference followed, or null for every conference the account's past list shows
     * @param pastConferences that list (items keyed by conference), or null when one conference is given
     */
    public static ReportFeed create(ApiCaller caller, ResultMapper results, ReportSettings options,
                                    ReadSettings settings, FeedState state, String conference,
                                    ListFeed pastConferences) {
        BigMarkerClock clock = new BigMarkerClock();
        ReportSettings spelled = options.withRowIdentity(state.spelled(options.rowIdentity()));
        return new ReportFeed(options.reports(),
                new EndedConferences(caller, conference, pastConferences, state, options.recheckInterval(), clock),
                new ReportReader(caller, results, spelled, clock), options.onDemandWindow(), clock, settings.clock());
    }

    @Override
    public String replayConference(String conference) {
        return conferences.replay(conference);
    }

    @Override
    public String reset() {
        return conferences.reset();
    }

    @Override
    public int poll(Emitter emitter) throws Exception {
        int emitted = 0;
        Instant localNow = localClock.instant();
        for (Map.Entry<String, Long> conference : conferences.followed(emitter).entrySet()) {
            if (!conferences.dueForReading(conference.getKey(), conference.getValue(), localNow)) {
                continue; // read again on the report schedule
            }
            int emittedBefore = emitted;
            boolean allDone = true;
            for (BigMarkerOperation report : reports) {
                if (emitter.items().alreadyDelivered(FeedState.reportDoneKey(conference.getKey(), report))) {
                    continue;
                }
                allDone &= report == reportOnDemandAttendees;
                ReportReader.Delivered sent = reader.deliver(emitter, conference.getKey(), conference.getValue(),
                        report);
                emitted += sent.emitted();
                if (!sent.pollGoesOn()) {
                    return emitted; // budget used up or stopping: the rest next poll
                }
            }
            conferences.wasRead(conference.getKey(), localNow, emitted > emittedBefore);
            Instant serverNow = clock.now();
            boolean windowOver = serverNow != null && conference.getValue() > 0
                    && serverNow.isAfter(Instant.ofEpochSecond(conference.getValue()).plus(onDemandWindow));
            if (allDone && (windowOver || !reports.contains(reportOnDemandAttendees))) {
                conferences.finished(conference.getKey(), emitter);
            }
        }
        return emitted;
    }
}

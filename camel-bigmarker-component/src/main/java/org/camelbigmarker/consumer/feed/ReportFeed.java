package org.camelbigmarker.consumer.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.BigMarkerEndpoint;
import org.camelbigmarker.BigMarkerGroup;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.api.ResultMapper;
import org.camelbigmarker.consumer.ConsumerKind;
import org.camelbigmarker.consumer.delivery.Emitter;
import org.camelbigmarker.operation.InvalidParameterException;

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

    static ReportFeed create(BigMarkerEndpoint endpoint, ResultMapper results, ReadSettings settings,
                             FeedState state) {
        if (endpoint.getGroup() != BigMarkerGroup.reporting) {
            throw new InvalidParameterException("event", "reports is a consumer of the reporting group:"
                                                         + " bigmarker:reporting?event=reports");
        }
        BigMarkerConfiguration configuration = endpoint.getConfiguration();
        ReportSettings options = ReportSettings.of(configuration);
        ApiCaller caller = endpoint.getBackgroundApiCaller();
        ListFeed past = configuration.getConferenceId() != null ? null
                : new ListFeed(caller, BigMarkerOperation.listConferences,
                        Feeds.lifecycleList(endpoint, ConsumerKind.CONFERENCE_ENDED.conferenceType()),
                        ConsumerKind.CONFERENCE_ENDED.identity(configuration), settings, state,
                        item -> new ListFeed.FeedItemBody(null,
                                Map.of(BigMarkerConstants.CONFERENCE_ID, ItemIdentity.text(item, "id"))));
        BigMarkerClock clock = new BigMarkerClock();
        return new ReportFeed(options.reports(),
                new EndedConferences(caller, configuration.getConferenceId(), past, state, options.recheckInterval(),
                        clock),
                new ReportReader(caller, results, options, clock), options.onDemandWindow(), clock,
                settings.clock());
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
                if (emitter.alreadyDelivered(FeedState.reportDoneKey(conference.getKey(), report))) {
                    continue;
                }
                allDone &= report == reportOnDemandAttendees;
                int sent = reader.deliver(emitter, conference.getKey(), conference.getValue(), report);
                if (sent < 0) {
                    return emitted; // budget used up or stopping: the rest next poll
                }
                emitted += sent;
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

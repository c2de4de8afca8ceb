package org.camelbigmarker.consumer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.BigMarkerEndpoint;
import org.camelbigmarker.BigMarkerGroup;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.ConsumerEvent;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.api.Pager;
import org.camelbigmarker.api.ResultMapper;
import org.camelbigmarker.client.ApiResponse;
import org.camelbigmarker.client.BigMarkerApiException;
import org.camelbigmarker.state.ConsumerStore;
import org.camelbigmarker.operation.InvalidParameterException;
import org.camelbigmarker.operation.Paging;
import org.camelbigmarker.consumer.Emitter.ItemState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.camelbigmarker.BigMarkerOperation.listConferenceAttendees;
import static org.camelbigmarker.BigMarkerOperation.reportOnDemandAttendees;

/**
 * The post-webinar reports of conferences that ended. A conference is tracked from the poll that first sees it ended
 * (one conference given by conferenceId, or every conference the account's past list shows); each of its reports is
 * delivered once, as rows or as one exchange, and marked delivered only when all of it was. On-demand attendees keep
 * arriving after the end: that report is read again on every poll for onDemandWindowHours, and new rows delivered.
 */
final class ReportFeed implements Feed {

    /** Every report of the API: the operations of the reporting group, as the operation table has them. */
    static final List<BigMarkerOperation> ALL_REPORTS = BigMarkerOperation.of(BigMarkerGroup.reporting);
    private static final Logger LOG = LoggerFactory.getLogger(ReportFeed.class);

    private final ApiCaller caller;
    private final ResultMapper results;
    private final BigMarkerConfiguration configuration;
    private final List<BigMarkerOperation> reports;
    private final String fixedConference;
    private final ListFeed endedConferences;
    private final ConsumerStore store;
    /** Tracked conferences, one store entry each: {@code <trackedPrefix><conference id>} = when it was seen ended. */
    private final String trackedPrefix;
    private final ItemIdentity rowIdentity;
    private final Duration onDemandWindow;
    private final Duration emptyReportWait;
    private final Duration recheckInterval;
    /** Tracked conferences whose last read found nothing new, and when (local clock: it only schedules). */
    private final Map<String, Instant> readWithNothingNew = new HashMap<>();
    private Instant serverNow;

    private ReportFeed(BigMarkerEndpoint endpoint, ResultMapper results, List<BigMarkerOperation> reports,
                       ListFeed endedConferences, ConsumerStore store) {
        this.caller = endpoint.getApiCaller();
        this.results = results;
        this.configuration = endpoint.getConfiguration();
        this.reports = reports;
        this.fixedConference = configuration.getConferenceId();
        this.endedConferences = endedConferences;
        this.store = store;
        this.trackedPrefix = StateKeys.trackedPrefix(fixedConference != null ? "conference-" + fixedConference
                : endedConferences.scope());
        this.rowIdentity = ItemIdentity.parse(configuration.getIdentity() != null ? configuration.getIdentity() : "id");
        this.onDemandWindow = Duration.ofHours(configuration.getOnDemandWindowHours());
        this.emptyReportWait = Duration.ofSeconds(configuration.getEmptyReportWait());
        this.recheckInterval = Duration.ofSeconds(configuration.getReportRecheckInterval());
    }

    static ReportFeed create(BigMarkerEndpoint endpoint, ResultMapper results, ReadSettings settings,
                             ConsumerStore store) {
        if (endpoint.getGroup() != BigMarkerGroup.reporting) {
            throw new InvalidParameterException("event", "reports is a consumer of the reporting group:"
                                                         + " bigmarker:reporting?event=reports");
        }
        List<BigMarkerOperation> reports = parseReports(endpoint.getConfiguration().getReports());
        ListFeed ended = endpoint.getConfiguration().getConferenceId() != null ? null
                : new ListFeed(endpoint.getApiCaller(), results, BigMarkerOperation.listConferences,
                        Map.of("type", "past"), ItemIdentity.parse("id"), settings, store,
                        item -> new ListFeed.FeedItemBody(null,
                                Map.of(BigMarkerConstants.CONFERENCE_ID, ItemIdentity.text(item, "id"))));
        return new ReportFeed(endpoint, results, reports, ended, store);
    }

    private static List<BigMarkerOperation> parseReports(String option) {
        if (option == null || option.isBlank()) {
            return ALL_REPORTS;
        }
        List<BigMarkerOperation> chosen = new ArrayList<>();
        for (String name : option.trim().split("\\s*,\\s*")) {
            BigMarkerOperation operation = ALL_REPORTS.stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new InvalidParameterException("reports", "'" + name + "' is not a report; use"
                                                                                + " some of " + ALL_REPORTS));
            chosen.add(operation);
        }
        return chosen;
    }

    @Override
    public int poll(Emitter emitter) throws Exception {
        Map<String, Long> tracked = readTracked();
        discoverEnded(emitter, tracked);
        int emitted = 0;
        Instant localNow = Instant.now();
        for (Map.Entry<String, Long> conference : new ArrayList<>(tracked.entrySet())) {
            Instant idleSince = readWithNothingNew.get(conference.getKey());
            if (idleSince != null && localNow.isBefore(idleSince.plus(recheckInterval))) {
                continue; // nothing was new last time: read again on its slower schedule
            }
            int emittedBefore = emitted;
            if (conference.getValue() == 0 && serverNow != null) {
                conference.setValue(serverNow.getEpochSecond()); // first seen through the list: end time by BigMarker's clock
                track(conference.getKey(), conference.getValue());
            }
            boolean allDone = true;
            for (BigMarkerOperation report : reports) {
                if (emitter.alreadyDelivered(doneKey(conference.getKey(), report))) {
                    continue;
                }
                allDone &= report == reportOnDemandAttendees;
                int sent = deliver(emitter, conference.getKey(), conference.getValue(), report);
                if (sent < 0) {
                    return emitted; // budget used up or stopping: the rest next poll
                }
                emitted += sent;
            }
            if (emitted == emittedBefore) {
                readWithNothingNew.put(conference.getKey(), localNow);
            } else {
                readWithNothingNew.remove(conference.getKey());
            }
            boolean windowOver = serverNow != null && conference.getValue() > 0
                    && serverNow.isAfter(Instant.ofEpochSecond(conference.getValue()).plus(onDemandWindow));
            if (allDone && (windowOver || !reports.contains(reportOnDemandAttendees))) {
                emitter.markSeen(finishedKey(conference.getKey()));
                untrack(conference.getKey());
            }
        }
        return emitted;
    }

    /** Adds conferences that ended since the last poll to the tracked ones (persisted before any report is sent). */
    private void discoverEnded(Emitter emitter, Map<String, Long> tracked) throws Exception {
        if (fixedConference != null) {
            if (!tracked.containsKey(fixedConference) && !emitter.alreadyDelivered(finishedKey(fixedConference))
                    && hasEnded(fixedConference)) {
                track(fixedConference, now());
                tracked.put(fixedConference, now());
            }
            return;
        }
        endedConferences.poll(new Emitter() {
            @Override
            public DeliveryRound newRound(Runnable progress) {
                return emitter.newRound(progress);
            }

            @Override
            public boolean emit(List<FeedItem> items, DeliveryRound round) {
                List<String> keys = new ArrayList<>();
                for (FeedItem item : items) {
                    String conference = (String) item.headers().get(BigMarkerConstants.CONFERENCE_ID);
                    if (!tracked.containsKey(conference)) {
                        track(conference, now()); // recorded before the conference counts as seen
                        tracked.put(conference, now());
                    }
                    keys.add(item.key());
                }
                emitter.markSeen(keys);
                return true;
            }

            @Override
            public Map<String, ItemState> states(Collection<String> keys) {
                return emitter.states(keys);
            }

            @Override
            public boolean holdUntilDelivered(String key, DeliveryRound round) {
                return emitter.holdUntilDelivered(key, round);
            }

            @Override
            public void markSeen(Collection<String> keys) {
                emitter.markSeen(keys);
            }
        });
    }

    /** BigMarker answers the attendees of a conference that has not ended with 404 "not ended yet". */
    private boolean hasEnded(String conference) throws IOException {
        try {
            Map<String, Object> probe = new LinkedHashMap<>();
            probe.put("conference_id", conference);
            probe.put(Paging.PER_PAGE, 1);
            remember(caller.call(listConferenceAttendees, probe));
            return true;
        } catch (BigMarkerApiException answer) {
            if (answer.getStatusCode() == 404) {
                LOG.debug("Conference {} has not ended: {}", conference, answer.getErrorMessage());
                return false;
            }
            throw answer;
        }
    }

    /**
     * Delivers what is new of one report of one conference. Returns the number emitted, or -1 when the poll must
     * stop (budget used up, consumer stopping).
     * <p>
     * The report is marked done only when every row was delivered (rows another poll is still delivering included)
     * and the report is settled: it has rows, or the conference was seen ended more than emptyReportWait ago.
     * BigMarker may answer a report with nothing for a while after the end, so an empty answer before that is read
     * again; after it, an empty report is final (delivered as an empty List when whole reports are delivered). An
     * empty summary is never delivered as data.
     */
    private int deliver(Emitter emitter, String conference, long endedAt, BigMarkerOperation report)
            throws Exception {
        String doneKey = doneKey(conference, report);
        DeliveryRound round = emitter.newRound(() -> {
            if (report != reportOnDemandAttendees) {
                emitter.markSeen(doneKey);
            }
        });
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("conference_id", conference);
        List<JsonNode> wholeReport = new ArrayList<>();
        boolean hasRows = false;
        Map<String, Integer> occurrences = new HashMap<>();
        int emitted = 0;
        boolean complete = true;
        try {
            if (!report.result().list()) {
                JsonNode summary = remember(caller.call(report, parameters)).json();
                if (summary != null && !summary.isEmpty()) {
                    wholeReport.add(summary);
                    hasRows = true;
                }
            } else {
                Pager<JsonNode> pager = new Pager<>(caller, report, parameters, row -> row,
                        configuration.getMaxPages());
                while (pager.hasNext()) {
                    Pager.Page<JsonNode> page = pager.next();
                    if (page.serverTime() != null) {
                        serverNow = page.serverTime();
                    }
                    hasRows |= !page.items().isEmpty();
                    if (!configuration.isSplitReportRows()) {
                        wholeReport.addAll(page.items());
                        continue;
                    }
                    RowsOfPage rows = newRows(emitter, conference, report, page.items(), occurrences, round);
                    complete &= rows.allAccountedFor();
                    emitted += rows.fresh().size();
                    if (!rows.fresh().isEmpty() && !emitter.emit(rows.fresh(), round)) {
                        round.seal(false);
                        return -1;
                    }
                }
                complete &= pager.end() == Pager.End.LAST_PAGE;
            }
        } catch (BigMarkerApiException answer) {
            if (answer.getStatusCode() != 404) {
                throw answer;
            }
            LOG.debug("Report {} of conference {} is not available yet: {}", report, conference,
                    answer.getErrorMessage());
            return 0;
        }
        boolean settled = hasRows || emptyReportWait.isZero() || endedAt > 0 && serverNow != null
                && !serverNow.isBefore(Instant.ofEpochSecond(endedAt).plus(emptyReportWait));
        if (!settled) {
            LOG.debug("Report {} of conference {} is empty so far; read again on the next poll", report, conference);
            round.seal(false);
            return emitted;
        }
        boolean wholeList = report.result().list() && !configuration.isSplitReportRows();
        if (hasRows && !report.result().list() || wholeList) {
            Object body = report.result().list()
                    ? results.listBody(wholeReport.stream().map(results.itemConverter(report,
                            configuration.getOutputType())).toList(), configuration.getOutputType())
                    : results.convert(wholeReport.get(0), report.result().itemType(), configuration.getOutputType());
            FeedItem item = new FeedItem(StateKeys.report(conference, report), body,
                    headers(conference, report, null));
            ItemState state = emitter.state(item.key());
            if (state == ItemState.NEW) {
                emitted++;
                if (!emitter.emit(List.of(item), round)) {
                    round.seal(false);
                    return -1;
                }
            } else if (state == ItemState.IN_FLIGHT) {
                complete &= emitter.holdUntilDelivered(item.key(), round) || emitter.alreadyDelivered(item.key());
            }
        }
        round.seal(complete);
        return emitted;
    }

    /** A page's rows not delivered yet; allAccountedFor is false when one failed while this poll read. */
    private record RowsOfPage(List<FeedItem> fresh, boolean allAccountedFor) {
    }

    /**
     * The rows of a page not delivered yet. A row is keyed by its id; a row without one (chat lines, questions) by its
     * content and its occurrence among identical rows of this report, so that two identical lines are two rows and a
     * row keeps its key from one read to the next. Rows another poll is still delivering make {@code round} wait.
     */
    private RowsOfPage newRows(Emitter emitter, String conference, BigMarkerOperation report, List<JsonNode> rows,
                               Map<String, Integer> occurrences, DeliveryRound round) {
        List<FeedItem> fresh = new ArrayList<>();
        boolean accountedFor = true;
        List<String> keys = new ArrayList<>();
        for (JsonNode row : rows) {
            String identity = rowIdentity.of(row);
            if (identity.startsWith(ItemIdentity.CONTENT_PREFIX)) {
                identity += "#" + occurrences.merge(identity, 1, Integer::sum);
            }
            keys.add(StateKeys.reportRow(conference, report, identity));
        }
        Map<String, ItemState> states = emitter.states(keys); // one look-up for the page
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String key = keys.get(i);
            ItemState state = states.get(key);
            if (state == ItemState.NEW) {
                fresh.add(new FeedItem(key, results.convert(row, report.result().itemType(),
                        configuration.getOutputType()), headers(conference, report, row)));
            } else if (state == ItemState.IN_FLIGHT) {
                accountedFor &= emitter.holdUntilDelivered(key, round) || emitter.alreadyDelivered(key);
            }
        }
        return new RowsOfPage(fresh, accountedFor);
    }

    private static Map<String, Object> headers(String conference, BigMarkerOperation report, JsonNode row) {
        Map<String, Object> headers = row == null ? new LinkedHashMap<>()
                : Feeds.headersOf(row, ConsumerEvent.reports, report, Map.of());
        headers.put(BigMarkerConstants.EVENT, ConsumerEvent.reports.name());
        headers.put(BigMarkerConstants.OPERATION, report.name());
        headers.put(BigMarkerConstants.REPORT, report.name());
        headers.put(BigMarkerConstants.CONFERENCE_ID, conference);
        return headers;
    }

    private ApiResponse remember(ApiResponse response) {
        if (response.serverTime() != null) {
            serverNow = response.serverTime();
        }
        return response;
    }

    private long now() {
        return serverNow != null ? serverNow.getEpochSecond() : 0;
    }

    private static String doneKey(String conference, BigMarkerOperation report) {
        return StateKeys.reportDone(conference, report);
    }

    private static String finishedKey(String conference) {
        return StateKeys.reportsFinished(conference);
    }

    private Map<String, Long> readTracked() {
        Map<String, Long> tracked = new LinkedHashMap<>();
        store.values(trackedPrefix).forEach((name, endedAt) -> tracked.put(name.substring(trackedPrefix.length()),
                Long.parseLong(endedAt)));
        return tracked;
    }

    private void track(String conference, long endedAt) {
        store.setValue(trackedPrefix + conference, String.valueOf(endedAt));
    }

    private void untrack(String conference) {
        store.removeValue(trackedPrefix + conference);
        readWithNothingNew.remove(conference);
    }
}

package org.camelbigmarker.consumer.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.ConsumerEvent;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.api.Pager;
import org.camelbigmarker.api.ResultMapper;
import org.camelbigmarker.client.BigMarkerApiException;
import org.camelbigmarker.consumer.delivery.DeliveryRound;
import org.camelbigmarker.consumer.delivery.ItemState;
import org.camelbigmarker.consumer.delivery.Emitter;
import org.camelbigmarker.consumer.delivery.FeedItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.camelbigmarker.BigMarkerOperation.reportOnDemandAttendees;

/** Reads one report of one conference and delivers what is new of it: rows, or the report as one exchange. */
public final class ReportReader {

    private static final Logger LOG = LoggerFactory.getLogger(ReportReader.class);

    private final ApiCaller caller;
    private final ResultMapper results;
    private final ReportSettings options;
    private final BigMarkerClock clock;

    ReportReader(ApiCaller caller, ResultMapper results, ReportSettings options, BigMarkerClock clock) {
        this.caller = caller;
        this.results = results;
        this.options = options;
        this.clock = clock;
    }

    /** What one report's read did: the items it emitted, and whether the poll may go on to the next report. */
    record Delivered(int emitted, boolean pollGoesOn) {

        /** The poll's budget is used up or the consumer is stopping: the rest waits for the next poll. */
        static Delivered pollStops(int emitted) {
            return new Delivered(emitted, false);
        }

        static Delivered goOn(int emitted) {
            return new Delivered(emitted, true);
        }
    }

    /**
     * Delivers what is new of one report of one conference, and says whether the poll may go on (not when its budget
     * is used up or the consumer is stopping).
     * <p>
     * The report is marked done only when every row was delivered (rows another poll is still delivering included)
     * and the report is settled: the conference was seen ended more than emptyReportWait ago, or, for a report
     * delivered as one exchange, it has content. BigMarker may answer a report with 404, nothing or only some rows for
     * a while after the end, so until then it is read again on the report schedule and new rows delivered; after it,
     * an empty report is final (delivered as an empty List when whole reports are delivered). An empty summary is
     * never delivered as data.
     */
    Delivered deliver(Emitter emitter, String conference, long endedAt, BigMarkerOperation report)
            throws Exception {
        String doneKey = FeedState.reportDoneKey(conference, report);
        DeliveryRound round = emitter.newRound(() -> {
            if (report != reportOnDemandAttendees) {
                emitter.items().markSeen(doneKey);
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
                JsonNode summary = clock.saw(caller.call(report, parameters)).json();
                if (summary != null && !summary.isEmpty()) {
                    wholeReport.add(summary);
                    hasRows = true;
                }
            } else {
                Pager<JsonNode> pager = new Pager<>(caller, report, parameters, row -> row,
                        options.maxPages());
                while (pager.hasNext()) {
                    Pager.Page<JsonNode> page = pager.next();
                    clock.saw(page.serverTime());
                    hasRows |= !page.items().isEmpty();
                    if (!options.splitRows()) {
                        wholeReport.addAll(page.items());
                        continue;
                    }
                    RowsOfPage rows = newRows(emitter, conference, report, page.items(), occurrences, round);
                    complete &= rows.allAccountedFor();
                    emitted += rows.fresh().size();
                    if (!rows.fresh().isEmpty() && !emitter.emit(rows.fresh(), round)) {
                        round.seal(false);
                        return Delivered.pollStops(emitted);
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
            return Delivered.goOn(0);
        }
        Instant serverNow = clock.now();
        boolean changeWindowOver = options.emptyReportWait().isZero() || endedAt > 0 && serverNow != null
                && !serverNow.isBefore(Instant.ofEpochSecond(endedAt).plus(options.emptyReportWait()));
        // a report delivered as one exchange is delivered once, when it first has content; rows keep coming until
        // the report can no longer change
        boolean deliveredWhole = !report.result().list() || !options.splitRows();
        boolean settled = changeWindowOver || deliveredWhole && hasRows;
        if (!settled) {
            LOG.debug("Report {} of conference {} may still change; read again on the report schedule", report,
                    conference);
            round.seal(false);
            return Delivered.goOn(emitted);
        }
        boolean wholeList = report.result().list() && !options.splitRows();
        if (hasRows && !report.result().list() || wholeList) {
            Object body = report.result().list()
                    ? results.listBody(wholeReport.stream().map(results.itemConverter(report,
                            options.outputType())).toList(), options.outputType())
                    : results.convert(wholeReport.get(0), report.result().itemType(), options.outputType());
            FeedItem item = new FeedItem(FeedState.reportKey(conference, report), body,
                    headers(conference, report, null));
            ItemState state = emitter.items().state(item.key());
            if (state == ItemState.NEW) {
                emitted++;
                if (!emitter.emit(List.of(item), round)) {
                    round.seal(false);
                    return Delivered.pollStops(emitted);
                }
            } else if (state == ItemState.IN_FLIGHT) {
                complete &= emitter.items().holdUntilDelivered(item.key(), round)
                            || emitter.items().alreadyDelivered(item.key());
            }
        }
        round.seal(complete);
        return Delivered.goOn(emitted);
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
            String identity = options.rowIdentity().of(row);
            if (identity.startsWith(ItemIdentity.CONTENT_PREFIX)) {
                identity += "#" + occurrences.merge(identity, 1, Integer::sum);
            }
            keys.add(FeedState.reportRowKey(conference, report, identity));
        }
        Map<String, ItemState> states = emitter.items().states(keys); // one look-up for the page
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String key = keys.get(i);
            ItemState state = states.get(key);
            if (state == ItemState.NEW) {
                fresh.add(new FeedItem(key, results.convert(row, report.result().itemType(),
                        options.outputType()), headers(conference, report, row)));
            } else if (state == ItemState.IN_FLIGHT) {
                accountedFor &= emitter.items().holdUntilDelivered(key, round) || emitter.items().alreadyDelivered(key);
            }
        }
        return new RowsOfPage(fresh, accountedFor);
    }

    private static Map<String, Object> headers(String conference, BigMarkerOperation report, JsonNode row) {
        Map<String, Object> headers = row == null ? new LinkedHashMap<>()
                : ItemHeaders.of(row, ConsumerEvent.reports, report, Map.of());
        headers.put(BigMarkerConstants.EVENT, ConsumerEvent.reports.name());
        headers.put(BigMarkerConstants.OPERATION, report.name());
        headers.put(BigMarkerConstants.REPORT, report.name());
        headers.put(BigMarkerConstants.CONFERENCE_ID, conference);
        return headers;
    }
}

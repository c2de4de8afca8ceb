package org.camelbigmarker.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.BigMarkerGroup;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.api.JsonSupport;
import org.camelbigmarker.api.Pager;
import org.camelbigmarker.api.ParameterCollector;
import org.camelbigmarker.api.RequestFactory;
import org.camelbigmarker.api.ResultMapper;
import org.camelbigmarker.consumer.feed.Feed;
import org.camelbigmarker.consumer.feed.FeedState;
import org.camelbigmarker.consumer.feed.ItemHeaders;
import org.camelbigmarker.consumer.feed.ItemIdentity;
import org.camelbigmarker.consumer.feed.ListFeed;
import org.camelbigmarker.consumer.feed.PushedOnlyFeed;
import org.camelbigmarker.consumer.feed.ReadSettings;
import org.camelbigmarker.consumer.feed.ReportFeed;
import org.camelbigmarker.consumer.feed.ReportSettings;
import org.camelbigmarker.consumer.feed.StartFrom;
import org.camelbigmarker.operation.InvalidParameterException;
import org.camelbigmarker.operation.Paging;

/**
 * Builds the feed a consumer's kind and options describe, checking the options before anything is sent: the one
 * place where the options become the small values the feeds take (they never see the options or the endpoint).
 */
final class FeedFactory {

    /** A conference may start before the last poll and end after it: the lifecycle window reaches a day further. */
    static final Duration LONGEST_CONFERENCE = Duration.ofHours(24);

    private final ConsumerKind kind;
    private final ConsumerSetup setup;
    private final BigMarkerConfiguration options;
    private final ApiCaller caller;
    private final ResultMapper results = new ResultMapper(JsonSupport.mapper());

    FeedFactory(ConsumerKind kind, ConsumerSetup setup, ApiCaller caller) {
        this.kind = kind;
        this.setup = setup;
        this.options = setup.configuration();
        this.caller = caller;
    }

    /** The options that say what the consumer watches (its scope in the store, beside its kind). */
    Map<String, Object> watched() {
        Map<String, Object> watched = new java.util.TreeMap<>(options.getParameters());
        watched.put("group", String.valueOf(setup.group()));
        watched.put("operation", String.valueOf(options.getOperation()));
        watched.put("event", String.valueOf(options.getEvent()));
        watched.put("conferenceId", String.valueOf(options.getConferenceId()));
        watched.put("channelId", String.valueOf(options.getChannelId()));
        watched.put("reports", String.valueOf(options.getReports()));
        return watched;
    }

    Feed create(FeedState state) {
        ReadSettings settings = readSettings();
        if (kind.pushedOnly()) {
            if (!options.isWebhook()) {
                throw new InvalidParameterException("webhook", "must be true for event=" + kind.event() + ": only"
                                                               + " BigMarker's webhook brings it");
            }
            return new PushedOnlyFeed(kind.event(), kind.webhook().conferenceField(), kind.identity(options),
                    options.getConferenceId(),
                    item -> results.convert(item, kind.webhook().itemType(), options.getOutputType()), state);
        }
        if (kind == ConsumerKind.REPORTS) {
            if (setup.group() != BigMarkerGroup.reporting) {
                throw new InvalidParameterException("event", "reports is a consumer of the reporting group: "
                                                             + kind.uri());
            }
            ReportSettings reports = reportSettings();
            ListFeed past = options.getConferenceId() != null ? null : pastConferences(lifecycle(settings), state);
            return ReportFeed.create(caller, results, reports, lifecycle(settings), state, options.getConferenceId(),
                    past);
        }
        if (kind.conferenceType() != null) {
            return listFeed(kind.reads(), lifecycleList(kind.conferenceType()), lifecycle(settings), state);
        }
        if (options.getOperation() == null) {
            throw new InvalidParameterException("operation", "is missing: a consumer needs the list operation"
                                                             + " to watch, e.g. operation=listRegistrations");
        }
        return listFeed(options.getOperation(), Map.of(), settings, state);
    }

    /** The reports consumer's list of ended conferences: keyed as the conference-ended consumer keys them. */
    private ListFeed pastConferences(ReadSettings settings, FeedState state) {
        ConsumerKind ended = ConsumerKind.CONFERENCE_ENDED;
        return new ListFeed(caller, ended.reads(), lifecycleList(ended.conferenceType()), ended.identity(options),
                settings, state, item -> new ListFeed.FeedItemBody(null,
                        Map.of(BigMarkerConstants.CONFERENCE_ID, ItemIdentity.text(item, "id"))));
    }

    /** A list feed keyed as its kind says, in every mode: the webhook's items and the poll's meet. */
    private ListFeed listFeed(BigMarkerOperation operation, Map<String, Object> fixed, ReadSettings settings,
                              FeedState state) {
        operation.checkGroup(setup.group());
        Map<String, Object> parameters = checkedParameters(operation, fixed);
        return new ListFeed(caller, operation, parameters, kind.identity(options), settings, state,
                item -> new ListFeed.FeedItemBody(
                        results.convert(item, operation.result().itemType(), options.getOutputType()),
                        ItemHeaders.of(item, kind.event(), operation, parameters)));
    }

    /**
     * The fixed parameters of a conference lifecycle read: its type, and pages of
     * {@value Pager#CONSUMER_PAGE_SIZE} unless the endpoint asks for another size. List Conferences answers with its
     * totals and page size, so a page size the server does not honour is seen, not guessed.
     */
    private Map<String, Object> lifecycleList(String type) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("type", type);
        if (!options.getParameters().containsKey(Paging.PER_PAGE)) {
            fixed.put(Paging.PER_PAGE, Pager.CONSUMER_PAGE_SIZE);
        }
        return fixed;
    }

    /** The endpoint's parameters for {@code operation}, plus fixed ones, checked as a request would be. */
    private Map<String, Object> checkedParameters(BigMarkerOperation operation, Map<String, Object> fixed) {
        Map<String, Object> parameters = new LinkedHashMap<>(ParameterCollector.fromEndpoint(operation,
                options.getParameters(), options.getConferenceId(), options.getChannelId()));
        parameters.putAll(fixed);
        new RequestFactory(JsonSupport.mapper()).build(operation, new LinkedHashMap<>(parameters));
        return parameters;
    }

    private ReadSettings readSettings() {
        return new ReadSettings(StartFrom.parse(options.getStartFrom()), Duration.ofSeconds(options.getOverlap()),
                options.getMaxPages(), Duration.ofSeconds(options.getReconcileInterval()),
                Duration.ofSeconds(options.getReconcileHorizon()), setup.clock());
    }

    /** Lifecycle reads reach a day further back: a conference may start before the last poll and end after it. */
    private static ReadSettings lifecycle(ReadSettings settings) {
        return settings.withOverlap(settings.overlap().plus(LONGEST_CONFERENCE));
    }

    /** Every report of the API: the operations of the reporting group, as the operation table has them. */
    static final List<BigMarkerOperation> ALL_REPORTS = BigMarkerOperation.of(BigMarkerGroup.reporting);

    private ReportSettings reportSettings() {
        return new ReportSettings(reports(options.getReports()), options.isSplitReportRows(),
                ConsumerKind.REPORTS.identity(options), options.getOutputType(), options.getMaxPages(),
                Duration.ofSeconds(options.getEmptyReportWait()), Duration.ofSeconds(options.getReportRecheckInterval()),
                Duration.ofHours(options.getOnDemandWindowHours()));
    }

    private static List<BigMarkerOperation> reports(String option) {
        if (option == null || option.isBlank()) {
            return ALL_REPORTS;
        }
        List<BigMarkerOperation> chosen = new ArrayList<>();
        for (String name : option.trim().split("\\s*,\\s*")) {
            chosen.add(ALL_REPORTS.stream().filter(report -> report.name().equals(name)).findFirst()
                    .orElseThrow(() -> new InvalidParameterException("reports", "'" + name + "' is not a report; use"
                                                                                + " some of " + ALL_REPORTS)));
        }
        return chosen;
    }
}

package org.camelbigmarker.consumer.feed;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.BigMarkerEndpoint;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.ConsumerEvent;
import org.camelbigmarker.api.JsonSupport;
import org.camelbigmarker.api.ParameterCollector;
import org.camelbigmarker.api.RequestFactory;
import org.camelbigmarker.api.ResultMapper;
import org.camelbigmarker.consumer.ConsumerKind;
import org.camelbigmarker.model.Conference;
import org.camelbigmarker.operation.InvalidParameterException;
import org.camelbigmarker.operation.Paging;

/** Builds the feed an endpoint's consumer options describe, checking them before anything is sent. */
public final class Feeds {

    /** A conference may start before the last poll and end after it: the lifecycle window reaches a day further. */
    static final Duration LONGEST_CONFERENCE = Duration.ofHours(24);

    private Feeds() {
    }

    public static Feed create(BigMarkerEndpoint endpoint, FeedState state) {
        BigMarkerConfiguration configuration = endpoint.getConfiguration();
        ConsumerKind kind = ConsumerKind.of(configuration);
        ResultMapper results = new ResultMapper(JsonSupport.mapper());
        ReadSettings settings = ReadSettings.of(configuration, endpoint.getClock());
        if (kind.pushedOnly()) {
            if (!configuration.isWebhook()) {
                throw new InvalidParameterException("webhook", "must be true for event=" + kind.event() + ": only"
                                                               + " BigMarker's webhook brings it");
            }
            return new PushedOnlyFeed(kind, kind.identity(configuration), configuration.getConferenceId(), results,
                    configuration.getOutputType(), state);
        }
        if (kind == ConsumerKind.REPORTS) {
            // a conference may start before the last poll and end after it: lifecycle reads reach a day further back
            return ReportFeed.create(endpoint, results, lifecycleSettings(settings), state);
        }
        if (kind.conferenceType() != null) {
            BigMarkerOperation operation = kind.reads();
            return listFeed(endpoint, results, operation, checkedParameters(endpoint, operation,
                    lifecycleList(endpoint, kind.conferenceType())), lifecycleSettings(settings), state, kind);
        }
        BigMarkerOperation operation = configuration.getOperation();
        if (operation == null) {
            throw new InvalidParameterException("operation", "is missing: a consumer needs the list operation"
                                                             + " to watch, e.g. operation=listRegistrations");
        }
        return listFeed(endpoint, results, operation, checkedParameters(endpoint, operation, Map.of()), settings,
                state, kind);
    }

    private static ReadSettings lifecycleSettings(ReadSettings settings) {
        return settings.withOverlap(settings.overlap().plus(LONGEST_CONFERENCE));
    }

    /**
     * The fixed parameters of a conference lifecycle read: its type, and pages of {@link #LIFECYCLE_PAGE_SIZE} unless
     * the endpoint asks for another size. A lifecycle read reaches back a day, so at BigMarker's default of 20 a busy
     * account would pay two requests or more on every idle poll; List Conferences answers with its totals and page
     * size, so a page size the server does not honour is seen, not guessed.
     */
    static Map<String, Object> lifecycleList(BigMarkerEndpoint endpoint, String type) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("type", type);
        if (!endpoint.getConfiguration().getParameters().containsKey(Paging.PER_PAGE)) {
            fixed.put(Paging.PER_PAGE, LIFECYCLE_PAGE_SIZE);
        }
        return fixed;
    }

    static final int LIFECYCLE_PAGE_SIZE = 100;

    /** A list feed keyed as its kind says, in every mode: the webhook's items and the poll's meet. */
    static ListFeed listFeed(BigMarkerEndpoint endpoint, ResultMapper results, BigMarkerOperation operation,
                             Map<String, Object> parameters, ReadSettings settings,
                             FeedState state, ConsumerKind kind) {
        BigMarkerConfiguration configuration = endpoint.getConfiguration();
        return new ListFeed(endpoint.getBackgroundApiCaller(), operation, parameters, kind.identity(configuration),
                settings, state,
                item -> new ListFeed.FeedItemBody(
                        results.convert(item, operation.result().itemType(), configuration.getOutputType()),
                        headersOf(item, kind.event(), operation, parameters)));
    }

    /** The endpoint's parameters for {@code operation}, plus fixed ones, checked as a request would be. */
    static Map<String, Object> checkedParameters(BigMarkerEndpoint endpoint, BigMarkerOperation operation,
                                                 Map<String, Object> fixed) {
        if (operation.group() != endpoint.getGroup()) {
            throw new InvalidParameterException("operation", operation + " belongs to group " + operation.group()
                                                             + ", not " + endpoint.getGroup());
        }
        Map<String, Object> parameters = new LinkedHashMap<>(
                ParameterCollector.fromEndpoint(operation, endpoint.getConfiguration().getParameters(),
                        endpoint.getConfiguration().getConferenceId(), endpoint.getConfiguration().getChannelId()));
        parameters.putAll(fixed);
        new RequestFactory(JsonSupport.mapper()).build(operation, new LinkedHashMap<>(parameters));
        return parameters;
    }

    static Map<String, Object> headersOf(JsonNode item, ConsumerEvent event, BigMarkerOperation operation,
                                         Map<String, Object> parameters) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(BigMarkerConstants.EVENT, event.name());
        headers.put(BigMarkerConstants.OPERATION, operation.name());
        String conference = ItemIdentity.text(item, "conference_id");
        if (conference.isEmpty() && operation.result().itemType() == Conference.class) {
            conference = ItemIdentity.text(item, "id"); // the item is a conference: its own id
        }
        if (conference.isEmpty() && parameters.get("conference_id") != null) {
            conference = parameters.get("conference_id").toString();
        }
        putIfPresent(headers, BigMarkerConstants.CONFERENCE_ID, conference);
        putIfPresent(headers, BigMarkerConstants.BMID, ItemIdentity.text(item, "bmid"));
        putIfPresent(headers, BigMarkerConstants.EMAIL, ItemIdentity.text(item, "email"));
        return headers;
    }

    private static void putIfPresent(Map<String, Object> headers, String name, String value) {
        if (!value.isEmpty()) {
            headers.put(name, value);
        }
    }
}

package org.camelbigmarker;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.camelbigmarker.operation.InvalidParameterException;

/**
 * The allowed range of every numeric option, in one table per owner, checked when the component and each endpoint
 * start: a value out of range (a negative overlap would set start_time past new items; a claimTimeout of years
 * overflows; a pool of no connections waits forever) fails the start with an error naming the option, its unit and the
 * range, before any request is sent. Add a row with a numeric option.
 */
final class OptionRanges {

    private static final long DAY_SECONDS = 86_400;
    private static final long DAY_MILLIS = DAY_SECONDS * 1000;

    /** One option's range; a value that is not set (null) is not checked. */
    private record Range<T>(String option, Function<T, Number> value, long min, long max, String unit) {

        void check(T options) {
            Number given = value.apply(options);
            if (given != null && (given.longValue() < min || given.longValue() > max)) {
                throw new InvalidParameterException(option, "must be from " + min + " to " + max + " " + unit
                                                            + ", was " + given);
            }
        }
    }

    private static final List<Range<BigMarkerComponent>> COMPONENT = List.of(
            new Range<>("maxConnections", BigMarkerComponent::getMaxConnections, 1, 10_000, "connections"),
            new Range<>("connectTimeout", BigMarkerComponent::getConnectTimeout, 1, DAY_MILLIS, "ms"),
            new Range<>("validateAfterInactivity", BigMarkerComponent::getValidateAfterInactivity, 0, DAY_MILLIS,
                    "ms"),
            new Range<>("proxyPort", BigMarkerComponent::getProxyPort, 1, 65_535, "(a TCP port)"),
            new Range<>("backgroundThreads", BigMarkerComponent::getBackgroundThreads, 1, 100, "threads"),
            // at most a slot a millisecond: beyond it the budget would pace nothing
            new Range<>("requestsPerMinute", BigMarkerComponent::getRequestsPerMinute, 0, 60_000,
                    "requests (0: no budget)"));

    private static final List<Range<BigMarkerConfiguration>> RANGES = List.of(
            new Range<>("maxRetries", BigMarkerConfiguration::getMaxRetries, 0, 100, "repeats"),
            new Range<>("retryInitialDelay", BigMarkerConfiguration::getRetryInitialDelay, 0, DAY_MILLIS, "ms"),
            new Range<>("retryMaxDelay", BigMarkerConfiguration::getRetryMaxDelay, 0, DAY_MILLIS, "ms"),
            new Range<>("responseTimeout", BigMarkerConfiguration::getResponseTimeout, 1, DAY_MILLIS, "ms"),
            new Range<>("maxResponseSize", BigMarkerConfiguration::getMaxResponseSize, 1024, Integer.MAX_VALUE,
                    "bytes"),
            new Range<>("maxPages", BigMarkerConfiguration::getMaxPages, 1, Integer.MAX_VALUE, "pages"),
            new Range<>("overlap", BigMarkerConfiguration::getOverlap, 0, 30 * DAY_SECONDS, "seconds"),
            new Range<>("reconcileInterval", BigMarkerConfiguration::getReconcileInterval, 0, 365 * DAY_SECONDS,
                    "seconds"),
            new Range<>("reconcileHorizon", BigMarkerConfiguration::getReconcileHorizon, 0, 3650 * DAY_SECONDS,
                    "seconds"),
            new Range<>("maxMessagesPerPoll", BigMarkerConfiguration::getMaxMessagesPerPoll, 0, Integer.MAX_VALUE,
                    "items"),
            new Range<>("onDemandWindowHours", BigMarkerConfiguration::getOnDemandWindowHours, 0, 3650 * 24, "hours"),
            new Range<>("emptyReportWait", BigMarkerConfiguration::getEmptyReportWait, 0, 365 * DAY_SECONDS, "seconds"),
            new Range<>("reportRecheckInterval", BigMarkerConfiguration::getReportRecheckInterval, 0, 365 * DAY_SECONDS,
                    "seconds"),
            new Range<>("maxDeliveryAttempts", BigMarkerConfiguration::getMaxDeliveryAttempts, 0, Integer.MAX_VALUE,
                    "attempts"),
            new Range<>("claimTimeout", BigMarkerConfiguration::getClaimTimeout, 1, 365 * DAY_SECONDS, "seconds"),
            new Range<>("webhookConferenceCheckInterval", BigMarkerConfiguration::getWebhookConferenceCheckInterval, 0,
                    365 * DAY_SECONDS, "seconds"),
            new Range<>("webhookMaxBodySize", BigMarkerConfiguration::getWebhookMaxBodySize, 1, Integer.MAX_VALUE,
                    "bytes"));

    private OptionRanges() {
    }

    /** The endpoint options (and the component's defaults for them) whose range is checked. */
    static List<String> options() {
        return RANGES.stream().map(Range::option).toList();
    }

    /** The component's own options whose range is checked. */
    static List<String> componentOptions() {
        return COMPONENT.stream().map(Range::option).toList();
    }

    /** Every option whose range is checked, for the docs. */
    static List<String> all() {
        return Stream.concat(componentOptions().stream(), options().stream()).toList();
    }

    static void check(BigMarkerConfiguration configuration) {
        RANGES.forEach(range -> range.check(configuration));
    }

    static void check(BigMarkerComponent component) {
        COMPONENT.forEach(range -> range.check(component));
    }
}

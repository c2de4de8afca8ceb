package org.camelbigmarker;

import java.util.List;
import java.util.function.ToLongFunction;

import org.camelbigmarker.operation.InvalidParameterException;

/**
 * The allowed range of every numeric option, in one table, checked when an endpoint starts: a value out of range (a
 * negative overlap would set start_time past new items; a claimTimeout of years overflows) fails the start with an
 * error naming the option, its unit and the range, before any request is sent. Add a row with a numeric option.
 */
final class OptionRanges {

    private static final long DAY_SECONDS = 86_400;
    private static final long DAY_MILLIS = DAY_SECONDS * 1000;

    private record Range(String option, ToLongFunction<BigMarkerConfiguration> value, long min, long max,
            String unit) {
    }

    private static final List<Range> RANGES = List.of(
            new Range("maxRetries", BigMarkerConfiguration::getMaxRetries, 0, 100, "repeats"),
            new Range("retryInitialDelay", BigMarkerConfiguration::getRetryInitialDelay, 0, DAY_MILLIS, "ms"),
            new Range("retryMaxDelay", BigMarkerConfiguration::getRetryMaxDelay, 0, DAY_MILLIS, "ms"),
            new Range("responseTimeout", BigMarkerConfiguration::getResponseTimeout, 1, DAY_MILLIS, "ms"),
            new Range("maxResponseSize", BigMarkerConfiguration::getMaxResponseSize, 1024, Integer.MAX_VALUE,
                    "bytes"),
            new Range("maxPages", BigMarkerConfiguration::getMaxPages, 1, Integer.MAX_VALUE, "pages"),
            new Range("overlap", BigMarkerConfiguration::getOverlap, 0, 30 * DAY_SECONDS, "seconds"),
            new Range("reconcileInterval", BigMarkerConfiguration::getReconcileInterval, 0, 365 * DAY_SECONDS,
                    "seconds"),
            new Range("reconcileHorizon", BigMarkerConfiguration::getReconcileHorizon, 0, 3650 * DAY_SECONDS,
                    "seconds"),
            new Range("maxMessagesPerPoll", BigMarkerConfiguration::getMaxMessagesPerPoll, 0, Integer.MAX_VALUE,
                    "items"),
            new Range("onDemandWindowHours", BigMarkerConfiguration::getOnDemandWindowHours, 0, 3650 * 24, "hours"),
            new Range("emptyReportWait", BigMarkerConfiguration::getEmptyReportWait, 0, 365 * DAY_SECONDS, "seconds"),
            new Range("reportRecheckInterval", BigMarkerConfiguration::getReportRecheckInterval, 0, 365 * DAY_SECONDS,
                    "seconds"),
            new Range("maxDeliveryAttempts", BigMarkerConfiguration::getMaxDeliveryAttempts, 0, Integer.MAX_VALUE,
                    "attempts"),
            new Range("claimTimeout", BigMarkerConfiguration::getClaimTimeout, 1, 365 * DAY_SECONDS, "seconds"),
            new Range("webhookConferenceCheckInterval", BigMarkerConfiguration::getWebhookConferenceCheckInterval, 0,
                    365 * DAY_SECONDS, "seconds"),
            new Range("webhookMaxBodySize", BigMarkerConfiguration::getWebhookMaxBodySize, 1, Integer.MAX_VALUE,
                    "bytes"));

    private OptionRanges() {
    }

    /** The options whose range is checked. */
    static List<String> options() {
        return RANGES.stream().map(Range::option).toList();
    }

    static void check(BigMarkerConfiguration configuration) {
        for (Range range : RANGES) {
            long value = range.value().applyAsLong(configuration);
            if (value < range.min() || value > range.max()) {
                throw new InvalidParameterException(range.option(), "must be from " + range.min() + " to "
                                                                    + range.max() + " " + range.unit() + ", was "
                                                                    + value);
            }
        }
    }
}

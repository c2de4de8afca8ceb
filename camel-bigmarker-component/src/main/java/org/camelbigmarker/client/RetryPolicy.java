package org.camelbigmarker.client;

import java.time.Duration;
import java.time.Instant;

import org.apache.hc.client5.http.utils.DateUtils;

/**
 * When and how long to wait before repeating a call. Bounded: at most {@code maxRetries} repeats, each wait at most
 * {@code maxDelayMillis}. A server's Retry-After comes first; without one the wait doubles from
 * {@code initialDelayMillis}.
 */
public record RetryPolicy(int maxRetries, long initialDelayMillis, long maxDelayMillis) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
        if (initialDelayMillis < 0 || maxDelayMillis < 0) {
            throw new IllegalArgumentException("retry delays must be 0 or more");
        }
    }

    public boolean allowsAnotherAttempt(int retriesSoFar) {
        return retriesSoFar < maxRetries;
    }

    /** The wait before repeat number {@code retry} (0-based) when the server did not say how long. */
    public long backoffMillis(int retry) {
        long delay = initialDelayMillis << Math.min(retry, 20);
        return Math.min(delay < 0 ? maxDelayMillis : delay, maxDelayMillis);
    }

    /**
     * Reads a Retry-After header: delta-seconds or an HTTP date. Returns 0 when absent or unreadable.
     */
    public static long retryAfterMillis(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        String value = header.trim();
        if (value.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(value)).toMillis();
        }
        Instant date = DateUtils.parseStandardDate(value);
        return date == null ? 0 : Math.max(0, Duration.between(now, date).toMillis());
    }
}

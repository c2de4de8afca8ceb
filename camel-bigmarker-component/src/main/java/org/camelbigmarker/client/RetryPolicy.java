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
     * Reads a Retry-After header: delta-seconds or an HTTP date. Returns 0 (no wait asked) when absent or unreadable;
     * a wait longer than a day, or too long to count, is read as a day, which exceeds any sensible retryMaxDelay, so
     * the call fails at once instead of waiting. Nothing a server puts here can make a call fail by itself.
     */
    public static long retryAfterMillis(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        String value = header.trim();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long seconds = value.length() > 9 ? LONGEST_WAIT_SECONDS : Long.parseLong(value);
            return Math.min(seconds, LONGEST_WAIT_SECONDS) * 1000;
        }
        Instant date = DateUtils.parseStandardDate(value);
        if (date == null || !date.isAfter(now)) {
            return 0;
        }
        return Math.min(Duration.between(now, date).getSeconds(), LONGEST_WAIT_SECONDS) * 1000;
    }

    static final long LONGEST_WAIT_SECONDS = 86_400;
}

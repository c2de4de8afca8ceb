package org.camelbigmarker.consumer.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.camelbigmarker.operation.InvalidParameterException;

/**
 * Where a consumer without saved state starts: every item the server holds, only items that arrive from now on (by
 * BigMarker's clock), or items since a given time. Saved state always wins over this option.
 */
public record StartFrom(Kind kind, Instant time) {

    public enum Kind { BEGINNING, NOW, TIME }

    public static StartFrom parse(String option) {
        String value = option == null ? "beginning" : option.trim();
        if (value.equalsIgnoreCase("beginning")) {
            return new StartFrom(Kind.BEGINNING, null);
        }
        if (value.equalsIgnoreCase("now")) {
            return new StartFrom(Kind.NOW, null);
        }
        if (value.matches("\\d+")) {
            return new StartFrom(Kind.TIME, Instant.ofEpochSecond(Long.parseLong(value)));
        }
        try {
            return new StartFrom(Kind.TIME, Instant.parse(value));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return new StartFrom(Kind.TIME, OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException notADateTime) {
                throw new InvalidParameterException("startFrom", "must be beginning, now, Unix seconds or an ISO-8601"
                                                                 + " time such as 2026-11-01T00:00:00Z, not '" + value
                                                                 + "'");
            }
        }
    }
}

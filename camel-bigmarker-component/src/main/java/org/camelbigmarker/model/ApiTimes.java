package org.camelbigmarker.model;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The time formats BigMarker's answers show in the API document, read in one place (docs/api-decisions.md, "Times in
 * answers"): each model's {@code ...AsLocalDateTime()} accessor names the format of its field here. A text in
 * another form reads as empty; the string getter keeps it as sent.
 */
enum ApiTimes {

    /** {@code "2022-03-17T13:39:15"}: enter and exit times, registration dates; no zone is shown. */
    ISO_LOCAL(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
    /** {@code "2015-11-01 14:00"}: a conference's start, in the conference's {@code time_zone}. */
    CONFERENCE_LOCAL(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm"));

    private final DateTimeFormatter format;

    ApiTimes(DateTimeFormatter format) {
        this.format = format;
    }

    Optional<LocalDateTime> read(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.trim(), format));
        } catch (DateTimeException otherForm) {
            return Optional.empty();
        }
    }

    /**
     * A {@code time_zone} as a ZoneId when it is one ({@code "America/Chicago"}); the document's own list of names
     * ({@code "Central Time (US & Canada)"}, {@code "Beijing"}) is not mapped: empty.
     */
    static Optional<ZoneId> zone(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(name.trim()));
        } catch (DateTimeException notAZoneId) {
            return Optional.empty();
        }
    }
}

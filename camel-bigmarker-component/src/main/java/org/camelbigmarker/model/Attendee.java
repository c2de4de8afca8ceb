package org.camelbigmarker.model;

import java.time.LocalDateTime;
import java.util.Optional;

/** A person who attended live or on demand (attendees lists and the attendee reports). Undeclared fields are in {@link #getAdditionalProperties()}. */
public class Attendee extends Person {

    private String enteredAt;
    private String leavedAt;
    private String enterTime;
    private String exitTime;
    private String totalDuration;
    private String duration;

    public String getEnteredAt() {
        return enteredAt;
    }

    public String getLeavedAt() {
        return leavedAt;
    }

    public String getEnterTime() {
        return enterTime;
    }

    public String getExitTime() {
        return exitTime;
    }

    public String getTotalDuration() {
        return totalDuration;
    }

    public String getDuration() {
        return duration;
    }

    /** {@link #getEnterTime()} read as the document shows it ({@code 2022-03-17T13:39:15}); empty in another form. */
    public Optional<LocalDateTime> enterTimeAsLocalDateTime() {
        return ApiTimes.ISO_LOCAL.read(enterTime);
    }

    /** {@link #getExitTime()} read as the document shows it ({@code 2022-03-17T13:42:15}); empty in another form. */
    public Optional<LocalDateTime> exitTimeAsLocalDateTime() {
        return ApiTimes.ISO_LOCAL.read(exitTime);
    }
}

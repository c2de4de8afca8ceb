package org.camelbigmarker.model;

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
}

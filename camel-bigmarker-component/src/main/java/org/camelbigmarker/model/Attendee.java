package org.camelbigmarker.model;

import com.fasterxml.jackson.annotation.JsonAlias;

/** A person who attended live or on demand (attendees lists and the attendee reports). Undeclared fields are in {@link #getAdditionalProperties()}. */
public class Attendee extends BigMarkerObject {

    private String id;
    @JsonAlias("BMID")
    private String bmid;
    private String email;
    private String firstName;
    private String lastName;
    private String enteredAt;
    private String leavedAt;
    private String enterTime;
    private String exitTime;
    private String totalDuration;
    private String duration;
    private Object customFields;

    public String getId() {
        return id;
    }

    public String getBmid() {
        return bmid;
    }

    public String getEmail() {
        return email;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

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

    public Object getCustomFields() {
        return customFields;
    }
}

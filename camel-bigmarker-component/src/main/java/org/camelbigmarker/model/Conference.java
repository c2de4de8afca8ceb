package org.camelbigmarker.model;

/** A webinar (conference) as BigMarker describes it in Show Conference. Undeclared fields are in {@link #getAdditionalProperties()}. */
public class Conference extends BigMarkerObject {

    private String id;
    private String title;
    private String type;
    private String purpose;
    private String startTime;
    private String endTime;
    private Integer duration;
    private String timeZone;
    private String conferenceAddress;
    private String channelId;
    private String privacy;
    private Integer maxAttendance;
    private Boolean recorded;

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getType() {
        return type;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getStartTime() {
        return startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public Integer getDuration() {
        return duration;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getConferenceAddress() {
        return conferenceAddress;
    }

    public String getChannelId() {
        return channelId;
    }

    public String getPrivacy() {
        return privacy;
    }

    public Integer getMaxAttendance() {
        return maxAttendance;
    }

    public Boolean getRecorded() {
        return recorded;
    }
}

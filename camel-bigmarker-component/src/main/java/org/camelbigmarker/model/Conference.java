package org.camelbigmarker.model;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

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

    /** {@link #getStartTime()} read as the document shows it ({@code 2015-11-01 14:00}); empty in another form. */
    public Optional<LocalDateTime> startTimeAsLocalDateTime() {
        return ApiTimes.CONFERENCE_LOCAL.read(startTime);
    }

    /** {@link #getEndTime()} read in the start time's form (the document shows none of its own). */
    public Optional<LocalDateTime> endTimeAsLocalDateTime() {
        return ApiTimes.CONFERENCE_LOCAL.read(endTime);
    }

    /** {@link #getTimeZone()} when it is a zone id ({@code America/Chicago}); empty for a name of the document's list. */
    public Optional<ZoneId> timeZoneAsZoneId() {
        return ApiTimes.zone(timeZone);
    }

    /** The start time in the conference's time zone, when both read. */
    public Optional<ZonedDateTime> startTimeAsZonedDateTime() {
        return startTimeAsLocalDateTime().flatMap(start -> timeZoneAsZoneId().map(start::atZone));
    }

    /** The end time in the conference's time zone, when both read. */
    public Optional<ZonedDateTime> endTimeAsZonedDateTime() {
        return endTimeAsLocalDateTime().flatMap(end -> timeZoneAsZoneId().map(end::atZone));
    }
}

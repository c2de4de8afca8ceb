package org.camelbigmarker;

/** What a bigmarker consumer delivers. */
public enum ConsumerEvent {
    /** Each item of the endpoint's list operation that was not delivered before (registrations, conferences...). */
    newItems,
    /** Each conference that started (listConferences with type=happening_now), once. */
    conferenceStarted,
    /** Each conference that ended (listConferences with type=past), once. */
    conferenceEnded,
    /** The post-webinar reports of each conference that ended, once; new on-demand attendees as they appear. */
    reports,
    /** A conference's waiting room opened: pushed by BigMarker's webhook only (webhook=true), once per conference. */
    waitingRoomOpened,
    /** Live attendee data BigMarker pushes during a webinar (webhook=true only; enterprise plans), once per payload. */
    liveAttendeeData,
    /** On-demand viewer data BigMarker pushes as recordings are watched (webhook=true only), once per payload. */
    onDemandViewer
}

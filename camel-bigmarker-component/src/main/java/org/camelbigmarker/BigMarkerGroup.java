package org.camelbigmarker;

/** The groups of the BigMarker API document; the path of a {@code bigmarker:} URI. */
public enum BigMarkerGroup {
    auth,
    conferences,
    series,
    registrations,
    channels,
    categories,
    presenters,
    channelAdmins,
    reporting,
    customEmails,
    meetingSpaces,
    registrationBlockList,
    polls
}

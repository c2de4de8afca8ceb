package org.camelbigmarker.model;

import java.time.LocalDateTime;
import java.util.Optional;

/** A registration of a person to a conference (registrants lists and the registrations report). Undeclared fields are in {@link #getAdditionalProperties()}. */
public class Registration extends Person {

    private String conferenceId;
    private String enterUrl;
    private String registeredAt;
    private String registrationDate;
    private String source;
    private String trackingCode;
    private String referralDomain;

    public String getConferenceId() {
        return conferenceId;
    }

    public String getEnterUrl() {
        return enterUrl;
    }

    public String getRegisteredAt() {
        return registeredAt;
    }

    public String getRegistrationDate() {
        return registrationDate;
    }

    public String getSource() {
        return source;
    }

    public String getTrackingCode() {
        return trackingCode;
    }

    public String getReferralDomain() {
        return referralDomain;
    }

    /**
     * {@link #getRegistrationDate()} read as the document shows it ({@code 2022-03-21T11:25:30}); empty in another
     * form.
     */
    public Optional<LocalDateTime> registrationDateAsLocalDateTime() {
        return ApiTimes.ISO_LOCAL.read(registrationDate);
    }
}

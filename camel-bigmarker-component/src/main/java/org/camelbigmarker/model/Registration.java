package org.camelbigmarker.model;

import com.fasterxml.jackson.annotation.JsonAlias;

/** A registration of a person to a conference (registrants lists and the registrations report). Undeclared fields are in {@link #getAdditionalProperties()}. */
public class Registration extends BigMarkerObject {

    private String id;
    @JsonAlias("BMID")
    private String bmid;
    private String email;
    private String firstName;
    private String lastName;
    private String conferenceId;
    private String enterUrl;
    private String registeredAt;
    private String registrationDate;
    private String source;
    private String trackingCode;
    private String referralDomain;
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

    public Object getCustomFields() {
        return customFields;
    }
}

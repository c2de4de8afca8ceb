package org.camelbigmarker.model;

/** A presenter of a conference. Undeclared fields are in {@link #getAdditionalProperties()}. */
public class Presenter extends BigMarkerObject {

    private String presenterId;
    private String memberId;
    private String conferenceId;
    private String displayName;
    private String firstName;
    private String lastName;
    private String email;
    private String title;
    private String bio;
    private Boolean canManage;
    private Boolean isModerator;

    public String getPresenterId() {
        return presenterId;
    }

    public String getMemberId() {
        return memberId;
    }

    public String getConferenceId() {
        return conferenceId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getEmail() {
        return email;
    }

    public String getTitle() {
        return title;
    }

    public String getBio() {
        return bio;
    }

    public Boolean getCanManage() {
        return canManage;
    }

    public Boolean getIsModerator() {
        return isModerator;
    }
}

package org.camelbigmarker.model;

/** An administrator of a channel. Undeclared fields are in {@link #getAdditionalProperties()}. */
public class ChannelAdmin extends BigMarkerObject {

    private String adminId;
    private String bmid;
    private String firstName;
    private String lastName;
    private String title;
    private String bio;
    private String status;

    public String getAdminId() {
        return adminId;
    }

    public String getBmid() {
        return bmid;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getTitle() {
        return title;
    }

    public String getBio() {
        return bio;
    }

    public String getStatus() {
        return status;
    }
}

package org.camelbigmarker.model;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * The fields BigMarker gives every person-shaped row (registrations, attendees, report rows). Reports spell the member
 * id BMID; both spellings land in {@link #getBmid()}.
 */
public abstract class Person extends BigMarkerObject {

    private String id;
    @JsonAlias("BMID")
    private String bmid;
    private String email;
    private String firstName;
    private String lastName;
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

    /** Custom field answers: an object of name to answer, or the list the registrants-with-fields action returns. */
    public Object getCustomFields() {
        return customFields;
    }
}

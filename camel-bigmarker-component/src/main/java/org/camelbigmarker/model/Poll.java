package org.camelbigmarker.model;

/** A poll of a conference. Undeclared fields are in {@link #getAdditionalProperties()}. */
public class Poll extends BigMarkerObject {

    private String id;
    private String clubProfileId;
    private String question;
    private String selectionMethod;
    private String status;
    private java.util.List<java.util.Map<String, Object>> choices;

    public String getId() {
        return id;
    }

    public String getClubProfileId() {
        return clubProfileId;
    }

    public String getQuestion() {
        return question;
    }

    public String getSelectionMethod() {
        return selectionMethod;
    }

    public String getStatus() {
        return status;
    }

    public java.util.List<java.util.Map<String, Object>> getChoices() {
        return choices;
    }
}

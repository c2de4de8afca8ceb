package org.camelbigmarker.model;

import com.fasterxml.jackson.annotation.JsonAlias;

/** A handout (file or link) of a conference. Undeclared fields are in {@link #getAdditionalProperties()}. */
public class Handout extends BigMarkerObject {

    @JsonAlias("Id")
    private String id;
    private String handoutName;
    private String iconUrl;
    private String handoutLink;
    private String handoutUrl;

    public String getId() {
        return id;
    }

    public String getHandoutName() {
        return handoutName;
    }

    public String getIconUrl() {
        return iconUrl;
    }

    public String getHandoutLink() {
        return handoutLink;
    }

    public String getHandoutUrl() {
        return handoutUrl;
    }
}

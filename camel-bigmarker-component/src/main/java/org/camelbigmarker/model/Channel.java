package org.camelbigmarker.model;

/** A BigMarker channel or subchannel. Undeclared fields are in {@link #getAdditionalProperties()}. */
public class Channel extends BigMarkerObject {

    private String channelId;
    private String channelUrl;
    private String name;
    private String overview;
    private String description;

    public String getChannelId() {
        return channelId;
    }

    public String getChannelUrl() {
        return channelUrl;
    }

    public String getName() {
        return name;
    }

    public String getOverview() {
        return overview;
    }

    public String getDescription() {
        return description;
    }
}

package org.camelbigmarker.model;

/** A series of sessions. Create and update answer with the series URL only. Undeclared fields are in {@link #getAdditionalProperties()}. */
public class Series extends BigMarkerObject {

    private String id;
    private String title;
    private String seriesFormat;
    private String seriesUrl;

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getSeriesFormat() {
        return seriesFormat;
    }

    public String getSeriesUrl() {
        return seriesUrl;
    }
}

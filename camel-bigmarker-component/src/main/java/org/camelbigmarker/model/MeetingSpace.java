package org.camelbigmarker.model;

/** A MeetingSpace (24-hour room). Undeclared fields are in {@link #getAdditionalProperties()}. */
public class MeetingSpace extends BigMarkerObject {

    private String id;
    private String title;
    private String url;
    private String knockToEnter;
    private Boolean autoShareCamera;
    private Boolean displayDialIn;
    private String meetingStyle;
    private String logo;
    private String logoUrl;
    private String backgroundImage;
    private String previewImage;

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getUrl() {
        return url;
    }

    public String getKnockToEnter() {
        return knockToEnter;
    }

    public Boolean getAutoShareCamera() {
        return autoShareCamera;
    }

    public Boolean getDisplayDialIn() {
        return displayDialIn;
    }

    public String getMeetingStyle() {
        return meetingStyle;
    }

    public String getLogo() {
        return logo;
    }

    public String getLogoUrl() {
        return logoUrl;
    }

    public String getBackgroundImage() {
        return backgroundImage;
    }

    public String getPreviewImage() {
        return previewImage;
    }
}

package org.camelbigmarker.operation;

/** How a list operation is paged: the API names its page parameter two ways. */
public enum Paging {
    NONE(null),
    /** {@code page} and {@code per_page}. */
    PAGE("page"),
    /** {@code current_page} and {@code per_page} (attendees, reporting, analytics). */
    CURRENT_PAGE("current_page");

    private final String pageParameter;

    Paging(String pageParameter) {
        this.pageParameter = pageParameter;
    }

    /** The request parameter that selects the page, or null when the operation is not paged. */
    public String pageParameter() {
        return pageParameter;
    }

    public static final String PER_PAGE = "per_page";
}

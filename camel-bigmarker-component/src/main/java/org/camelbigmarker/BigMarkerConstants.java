package org.camelbigmarker;

import org.apache.camel.spi.Metadata;

/** Message headers of the BigMarker component. */
public final class BigMarkerConstants {

    @Metadata(description = "Producer: the operation to perform; overrides the endpoint's operation option. Consumer:"
                            + " the list operation the delivered item comes from.",
              javaType = "org.camelbigmarker.BigMarkerOperation")
    public static final String OPERATION = "CamelBigMarkerOperation";
    @Metadata(description = "Producer: the conference_id parameter (also the id of the operations whose document"
                            + " names the conference id; the reference marks them). Consumer: the conference of the"
                            + " delivered item.",
              javaType = "String")
    public static final String CONFERENCE_ID = "CamelBigMarkerConferenceId";
    @Metadata(label = "producer", description = "The channel_id parameter.", javaType = "String")
    public static final String CHANNEL_ID = "CamelBigMarkerChannelId";
    @Metadata(label = "producer", description = "Any parameters of the operation by their API names"
                                                + " (snake_case, as in the BigMarker document); wins over the body and"
                                                + " the endpoint's parameters.",
              javaType = "java.util.Map<String, Object>")
    public static final String PARAMETERS = "CamelBigMarkerParameters";
    @Metadata(label = "producer", description = "For a paged list: true to fetch every page lazily while the body is"
                                                + " iterated; overrides the endpoint's allPages option.",
              javaType = "Boolean")
    public static final String ALL_PAGES = "CamelBigMarkerAllPages";

    @Metadata(label = "producer", description = "The HTTP status of BigMarker's answer.", javaType = "Integer")
    public static final String HTTP_STATUS = "CamelBigMarkerHttpStatus";
    @Metadata(label = "producer", description = "For a paged list: the page returned.", javaType = "Integer")
    public static final String PAGE = "CamelBigMarkerPage";
    @Metadata(label = "producer", description = "For a paged list: the page size the server applied, when it says.",
              javaType = "Integer")
    public static final String PER_PAGE = "CamelBigMarkerPerPage";
    @Metadata(label = "producer", description = "For a paged list: the number of pages, when the server says.",
              javaType = "Integer")
    public static final String TOTAL_PAGES = "CamelBigMarkerTotalPages";
    @Metadata(label = "producer", description = "For a paged list: the number of items on all pages, when the server"
                                                + " says.",
              javaType = "Long")
    public static final String TOTAL_ENTRIES = "CamelBigMarkerTotalEntries";
    @Metadata(label = "producer", description = "For a paged list: whether a next page may hold more items.",
              javaType = "Boolean")
    public static final String HAS_MORE_PAGES = "CamelBigMarkerHasMorePages";

    @Metadata(label = "consumer", description = "What the consumer delivered: the value of its event option.",
              javaType = "String")
    public static final String EVENT = "CamelBigMarkerEvent";
    @Metadata(label = "consumer", description = "The bmid (BigMarker member id) of the delivered registration,"
                                                + " attendee or report row, when it has one.",
              javaType = "String")
    public static final String BMID = "CamelBigMarkerBmid";
    @Metadata(label = "consumer", description = "The email of the delivered registration, attendee or report row,"
                                                + " when it has one.",
              javaType = "String")
    public static final String EMAIL = "CamelBigMarkerEmail";
    @Metadata(label = "consumer", description = "Which attempt at delivering this item the exchange is: 1 the first"
                                                + " time, more after the route failed for it; after"
                                                + " maxDeliveryAttempts failures the consumer gives up on the item.",
              javaType = "Integer")
    public static final String DELIVERY_ATTEMPT = "CamelBigMarkerDeliveryAttempt";
    @Metadata(label = "consumer", description = "How the item reached the route: webhook (BigMarker pushed it), poll"
                                                + " (a poll read it: the only way without webhook=true, and the"
                                                + " reconciliation's catch of a webhook that never came with it) or"
                                                + " redelivery (an operator redelivered an item given up on).",
              javaType = "String")
    public static final String DELIVERED_BY = "CamelBigMarkerDeliveredBy";
    @Metadata(label = "consumer", description = "The item's key in the consumer's store, stable across polls, restarts"
                                                + " and nodes: what an operator looks up or redelivers"
                                                + " (docs/operations.md).",
              javaType = "String")
    public static final String ITEM_KEY = "CamelBigMarkerItemKey";
    @Metadata(label = "consumer", description = "For event=reports: the report operation the exchange comes from"
                                                + " (reportLiveAttendees...).",
              javaType = "String")
    public static final String REPORT = "CamelBigMarkerReport";

    private BigMarkerConstants() {
    }

}

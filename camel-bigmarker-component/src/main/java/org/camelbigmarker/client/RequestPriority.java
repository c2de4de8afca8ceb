package org.camelbigmarker.client;

/** Who waits first under a {@link RequestBudget}. */
public enum RequestPriority {
    /** A producer's request: a route is waiting for its answer. */
    FOREGROUND,
    /** A consumer's request (poll, reconciliation, report read, webhook registration): gives way to producers. */
    BACKGROUND
}

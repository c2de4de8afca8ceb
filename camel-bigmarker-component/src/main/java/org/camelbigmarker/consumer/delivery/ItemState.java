package org.camelbigmarker.consumer.delivery;

/** Where an item stands, by its key. */
public enum ItemState {
    /** Never delivered, not being delivered: deliver it. */
    NEW,
    /** Its exchange is still running (an asynchronous route): not delivered yet, and not to be sent again. */
    IN_FLIGHT,
    /** Its exchange completed successfully. */
    DELIVERED
}

package org.camelbigmarker.consumer;

import java.util.List;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.camelbigmarker.ConsumerOperations;
import org.camelbigmarker.api.JsonSupport;
import org.camelbigmarker.metrics.BigMarkerMeter;
import org.camelbigmarker.metrics.ConsumerMeters;

/**
 * A bigmarker consumer as operators see it: its meters as JMX attributes (named in {@link BigMarkerMeter}'s table) and
 * its {@link ConsumerOperations}, on JMX with JSON answers (data, not sentences) and in Java with typed ones. Kept
 * apart from the delivery itself ({@link BigMarkerConsumer}).
 */
@ManagedResource(description = "BigMarker consumer: meters, look-ups, items given up on, replay and reset"
                               + " (docs/operations.md)")
public abstract class ManagedBigMarkerConsumer extends ScheduledBatchPollingConsumer implements ConsumerOperations {

    /** The consumer's meters, set when it starts. */
    protected volatile ConsumerMeters meters;
    /** The started consumer's operations; null while it is stopped. */
    protected volatile ConsumerOperations operator;

    protected ManagedBigMarkerConsumer(Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /** The started consumer's operations; fails, naming the route, before it started. */
    private ConsumerOperations operations() {
        ConsumerOperations started = operator;
        if (started == null) {
            throw new IllegalStateException("the BigMarker consumer of route " + getRouteId() + " is not started");
        }
        return started;
    }

    /** A meter's total for this consumer; 0 before it started. */
    private double meter(BigMarkerMeter meter) {
        ConsumerMeters started = meters;
        return started == null ? 0 : started.total(meter);
    }

    @ManagedAttribute(description = "Items delivered, every path (bigmarker.consumer.items.delivered)")
    public long getItemsDelivered() {
        return (long) meter(BigMarkerMeter.ITEMS_DELIVERED);
    }

    @ManagedAttribute(description = "Duplicates not sent again (bigmarker.consumer.items.duplicates)")
    public long getDuplicatesSuppressed() {
        return (long) meter(BigMarkerMeter.DUPLICATES_SUPPRESSED);
    }

    @ManagedAttribute(description = "Exchanges that failed (bigmarker.consumer.delivery.failures)")
    public long getDeliveryFailures() {
        return (long) meter(BigMarkerMeter.DELIVERY_FAILURES);
    }

    @ManagedAttribute(description = "Items given up on (bigmarker.consumer.items.given.up)")
    public long getItemsGivenUp() {
        return (long) meter(BigMarkerMeter.ITEMS_GIVEN_UP);
    }

    @ManagedAttribute(description = "Items given up on and kept (bigmarker.consumer.items.given.up.kept)")
    public long getGivenUpItemsKept() {
        return (long) meter(BigMarkerMeter.GIVEN_UP_KEPT);
    }

    @ManagedAttribute(description = "Seconds the oldest waiting item has waited (bigmarker.consumer.lag)")
    public double getLagSeconds() {
        return meter(BigMarkerMeter.LAG);
    }

    @ManagedAttribute(description = "Seconds since the last successful poll (bigmarker.consumer.poll.since.success)")
    public double getSecondsSinceSuccessfulPoll() {
        return meter(BigMarkerMeter.SINCE_SUCCESSFUL_POLL);
    }

    @ManagedAttribute(description = "Polls that failed (bigmarker.consumer.poll.failures)")
    public long getPollFailures() {
        return (long) meter(BigMarkerMeter.POLL_FAILURES);
    }

    @ManagedAttribute(description = "Items the poll found that no push brought (bigmarker.consumer.webhook.missed)")
    public long getWebhookMissedItems() {
        return (long) meter(BigMarkerMeter.WEBHOOK_MISSED);
    }

    @ManagedAttribute(description = "Items claimed and being delivered (bigmarker.consumer.claims.held)")
    public long getClaimsHeld() {
        return (long) meter(BigMarkerMeter.CLAIMS_HELD);
    }

    @ManagedAttribute(description = "Webhook requests, accepted and refused (bigmarker.consumer.webhook.pushes)")
    public long getWebhookPushes() {
        return (long) meter(BigMarkerMeter.WEBHOOK_PUSHES);
    }

    @ManagedOperation(description = "Where one item stands, by its key (CamelBigMarkerItemKey), as JSON")
    public String lookupKey(String key) {
        return json(ConsumerQueries.asMap(lookup(key)));
    }

    @ManagedOperation(description = "The items given up on and kept, as JSON (names registrants' keys)")
    public String listGivenUp() {
        return json(givenUp().stream().map(ConsumerQueries::asMap).toList());
    }

    @ManagedOperation(description = "Delivers again one item given up on, by its key; the outcome as JSON")
    public String redeliverGivenUpItem(String key) {
        return json(redeliverGivenUp(key));
    }

    @ManagedOperation(description = "Delivers again every item given up on; the outcome as JSON")
    public String redeliverEveryGivenUpItem() {
        return json(redeliverAllGivenUp());
    }

    @ManagedOperation(description = "Delivers again the items given up on of one conference; the outcome as JSON")
    public String redeliverGivenUpItemsOf(String conferenceId) {
        return json(redeliverGivenUpOfConference(conferenceId));
    }

    @ManagedOperation(description = "Forgets an item given up on without delivering it")
    public boolean discardGivenUpItem(String key) {
        return discardGivenUp(key);
    }

    @ManagedOperation(description = "The consumer's state (progress, claims, items given up on) as JSON")
    @Override
    public String exportState() {
        return operations().exportState();
    }

    @ManagedOperation(description = "Delivers again the items recorded since a time (ISO-8601 or Unix seconds)")
    @Override
    public String replayFrom(String time) {
        return operations().replayFrom(time);
    }

    @ManagedOperation(description = "Delivers again one conference's items (registrations or reports)")
    @Override
    public String replayConference(String conferenceId) {
        return operations().replayConference(conferenceId);
    }

    @ManagedOperation(description = "Forgets what this consumer recorded; the next poll starts as with a new store")
    @Override
    public String resetStore() {
        return operations().resetStore();
    }

    @Override
    public ItemLookup lookup(String key) {
        return operations().lookup(key);
    }

    @Override
    public ItemLookup lookupItem(Map<String, String> identity) {
        return operations().lookupItem(identity);
    }

    @Override
    public Map<String, Object> progress() {
        return operations().progress();
    }

    @Override
    public List<String> claims() {
        return operations().claims();
    }

    @Override
    public List<GivenUpItem> givenUp() {
        return operations().givenUp();
    }

    @Override
    public Redelivery redeliverGivenUp(String key) {
        return operations().redeliverGivenUp(key);
    }

    @Override
    public Redelivery redeliverAllGivenUp() {
        return operations().redeliverAllGivenUp();
    }

    @Override
    public Redelivery redeliverGivenUpOfConference(String conferenceId) {
        return operations().redeliverGivenUpOfConference(conferenceId);
    }

    @Override
    public boolean discardGivenUp(String key) {
        return operations().discardGivenUp(key);
    }

    private static String json(Object value) {
        return JsonSupport.mapper().valueToTree(value).toString();
    }
}

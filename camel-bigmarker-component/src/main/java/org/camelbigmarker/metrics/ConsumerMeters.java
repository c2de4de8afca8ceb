package org.camelbigmarker.metrics;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * One consumer's meters (tags routeId and kind), counted as things happen: what the consumer delivered, absorbed
 * (duplicates, failures, items given up) and how its polls went. Gauges read the consumer's state when asked.
 */
public final class ConsumerMeters {

    /** A path an item reaches the route by: the {@code path} tag of {@link BigMarkerMeter#ITEMS_DELIVERED}. */
    public static final String POLL = "poll";
    public static final String WEBHOOK = "webhook";
    public static final String REDELIVERY = "redelivery";

    private final MeterBoard board;
    private final Map<String, String> scope;
    private final Clock clock;
    private final boolean webhook;
    private volatile long lastSuccessfulPollMillis;

    /**
     * @param webhook whether items also come by webhook: then each item the poll delivers is one the webhook missed
     */
    public ConsumerMeters(MeterBoard board, String routeId, String kind, Clock clock, boolean webhook) {
        this.board = board;
        this.scope = Map.of("routeId", routeId == null ? "none" : routeId, "kind", kind);
        this.clock = clock;
        this.webhook = webhook;
        this.lastSuccessfulPollMillis = clock.millis();
        gauge(BigMarkerMeter.SINCE_SUCCESSFUL_POLL,
                () -> Math.max(0, clock.millis() - lastSuccessfulPollMillis) / 1000.0);
        for (BigMarkerMeter counter : new BigMarkerMeter[] {BigMarkerMeter.DUPLICATES_SUPPRESSED,
                BigMarkerMeter.DELIVERY_FAILURES, BigMarkerMeter.ITEMS_GIVEN_UP, BigMarkerMeter.WEBHOOK_MISSED}) {
            board.counter(counter, scope); // present from the start, at 0: a rate needs the series before its first event
        }
        board.counter(BigMarkerMeter.ITEMS_DELIVERED, MeterBoard.with(scope, "path", POLL));
    }

    /** Meters counted nowhere: for tests and tools that build parts of a consumer alone. */
    public static ConsumerMeters none(Clock clock) {
        return new ConsumerMeters(new MeterBoard(), "none", "none", clock, false);
    }

    /** A gauge of this consumer, read from {@code value}. */
    public void gauge(BigMarkerMeter meter, DoubleSupplier value) {
        board.gauge(meter, scope, value);
    }

    public void delivered(String path) {
        board.counter(BigMarkerMeter.ITEMS_DELIVERED, MeterBoard.with(scope, "path", path)).add(1);
        if (webhook && POLL.equals(path)) {
            count(BigMarkerMeter.WEBHOOK_MISSED);
        }
    }

    public void duplicateSuppressed() {
        count(BigMarkerMeter.DUPLICATES_SUPPRESSED);
    }

    public void deliveryFailed() {
        count(BigMarkerMeter.DELIVERY_FAILURES);
    }

    public void givenUp() {
        count(BigMarkerMeter.ITEMS_GIVEN_UP);
    }

    public void pollSucceeded() {
        lastSuccessfulPollMillis = clock.millis();
    }

    /** A failed poll, counted by its cause (a status class, or the kind of failure). */
    public void pollFailed(String cause) {
        board.counter(BigMarkerMeter.POLL_FAILURES, MeterBoard.with(scope, "cause", cause)).add(1);
    }

    /** A webhook request, counted by what became of it. */
    public void webhookPush(WebhookPush push) {
        board.counter(BigMarkerMeter.WEBHOOK_PUSHES, pushTags(push)).add(1);
    }

    /**
     * The webhook requests so far, by what became of them ({@link WebhookPush#detailName()}), those that happened
     * only: the health check's details and the dev console read the meter, so that they and a scrape never differ.
     */
    public Map<String, Long> webhookPushes() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (WebhookPush push : WebhookPush.values()) {
            long count = (long) board.total(BigMarkerMeter.WEBHOOK_PUSHES, pushTags(push));
            if (count > 0) {
                counts.put(push.detailName(), count);
            }
        }
        return counts;
    }

    private Map<String, String> pushTags(WebhookPush push) {
        return MeterBoard.with(scope, "result", push.result(), "reason", push.reason());
    }

    private void count(BigMarkerMeter meter) {
        board.counter(meter, scope).add(1);
    }

    /** The sum of one meter over its own tags: a JMX attribute's value. */
    public double total(BigMarkerMeter meter) {
        return board.total(meter, scope);
    }

    /** Every consumer meter's total, by JMX attribute name, for the dev console and health details. */
    public Map<String, Object> totals() {
        Map<String, Object> totals = new LinkedHashMap<>();
        for (BigMarkerMeter meter : BigMarkerMeter.values()) {
            if (meter.scope() == BigMarkerMeter.Scope.CONSUMER) {
                double total = total(meter);
                totals.put(meter.jmxAttribute(), total == Math.rint(total) ? (Object) (long) total : total);
            }
        }
        return totals;
    }

    /** The consumer stopped: its series go. */
    public void close() {
        board.removeAll(scope);
    }
}

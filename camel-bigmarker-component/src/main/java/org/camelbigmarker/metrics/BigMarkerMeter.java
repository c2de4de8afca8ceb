package org.camelbigmarker.metrics;

import java.util.List;

/**
 * Every meter the component publishes, in one table: its name, type, unit, tags and meaning. The Micrometer binding,
 * the JMX attributes and the table in docs/operations.md are all derived from it (MonitoringDocsTest keeps the docs,
 * the alert rules and the dashboard true to it).
 * Names follow Micrometer's conventions (dot-separated, base units); tags have few values each and never hold a key,
 * an e-mail or a token.
 */
public enum BigMarkerMeter {

    ITEMS_DELIVERED(Scope.CONSUMER, "bigmarker.consumer.items.delivered", Type.COUNTER, null, List.of("path"),
            "ItemsDelivered", "Items whose exchange completed, by path: poll, webhook or redelivery (of an item given"
                              + " up on)"),
    DUPLICATES_SUPPRESSED(Scope.CONSUMER, "bigmarker.consumer.items.duplicates", Type.COUNTER, null, List.of(),
            "DuplicatesSuppressed", "Items that came again while delivered or being delivered (a repeated push, a poll"
                                    + " meeting an item another delivery holds) and were not sent again"),
    DELIVERY_FAILURES(Scope.CONSUMER, "bigmarker.consumer.delivery.failures", Type.COUNTER, null, List.of(),
            "DeliveryFailures", "Exchanges that failed; the item comes again, until maxDeliveryAttempts"),
    ITEMS_GIVEN_UP(Scope.CONSUMER, "bigmarker.consumer.items.given.up", Type.COUNTER, null, List.of(),
            "ItemsGivenUp", "Items given up on after maxDeliveryAttempts failures (kept for the operator, see"
                            + " docs/operations.md)"),
    GIVEN_UP_KEPT(Scope.CONSUMER, "bigmarker.consumer.items.given.up.kept", Type.GAUGE, null, List.of(),
            "GivenUpItemsKept", "Items given up on and kept in the store, waiting for an operator to redeliver or"
                                + " discard them"),
    LAG(Scope.CONSUMER, "bigmarker.consumer.lag", Type.GAUGE, "seconds", List.of(),
            "LagSeconds", "How long the oldest item seen and not yet delivered has waited since the consumer first"
                          + " saw it; 0 when nothing waits"),
    SINCE_SUCCESSFUL_POLL(Scope.CONSUMER, "bigmarker.consumer.poll.since.success", Type.GAUGE, "seconds", List.of(),
            "SecondsSinceSuccessfulPoll", "Time since the last poll that succeeded (since the start before the"
                                          + " first)"),
    POLL_FAILURES(Scope.CONSUMER, "bigmarker.consumer.poll.failures", Type.COUNTER, null, List.of("cause"),
            "PollFailures", "Polls that failed, by cause: throttled (429/503), client_error (4xx), server_error (5xx),"
                            + " io, other"),
    WEBHOOK_MISSED(Scope.CONSUMER, "bigmarker.consumer.webhook.missed", Type.COUNTER, null, List.of(),
            "WebhookMissedItems", "With webhook=true: items the reconciling poll delivered because no push brought"
                                  + " them (the webhook's health)"),
    CLAIMS_HELD(Scope.CONSUMER, "bigmarker.consumer.claims.held", Type.GAUGE, null, List.of(),
            "ClaimsHeld", "Items this consumer has claimed and is delivering now"),
    WEBHOOK_PUSHES(Scope.CONSUMER, "bigmarker.consumer.webhook.pushes", Type.COUNTER, null,
            List.of("result", "reason"), "WebhookPushes", "Webhook requests, by result (accepted, refused) and reason"
                                                          + " (" + WebhookPush.reasons() + ")"),
    REQUESTS(Scope.ACCOUNT, "bigmarker.requests", Type.COUNTER, null, List.of("group", "outcome"),
            "Requests", "Calls to the API by operation group and outcome (2xx, 4xx, 429, 5xx, io; other when no"
                        + " request could be sent), repeats counted once with their last outcome"),
    REQUEST_REPEATS(Scope.ACCOUNT, "bigmarker.requests.repeats", Type.COUNTER, null, List.of(),
            "RequestRepeats", "Attempts repeated after 429, 503, an empty answer or an I/O error"),
    BUDGET_WAIT(Scope.ACCOUNT, "bigmarker.requests.budget.wait", Type.COUNTER, "seconds", List.of(),
            "BudgetWaitSeconds", "Time requests spent waiting for their slot of requestsPerMinute");

    /** What a meter is counted for: one consumer (tags routeId, kind) or one BigMarker host (tag host). */
    public enum Scope {
        CONSUMER(List.of("routeId", "kind")), ACCOUNT(List.of("host"));

        private final List<String> tags;

        Scope(List<String> tags) {
            this.tags = tags;
        }

        public List<String> tags() {
            return tags;
        }
    }

    /** A counter only grows; a gauge is read when asked. */
    public enum Type {
        COUNTER, GAUGE
    }

    private final Scope scope;
    private final String meterName;
    private final Type type;
    private final String baseUnit;
    private final List<String> ownTags;
    private final String jmxAttribute;
    private final String description;

    BigMarkerMeter(Scope scope, String meterName, Type type, String baseUnit, List<String> ownTags,
                   String jmxAttribute, String description) {
        this.scope = scope;
        this.meterName = meterName;
        this.type = type;
        this.baseUnit = baseUnit;
        this.ownTags = ownTags;
        this.jmxAttribute = jmxAttribute;
        this.description = description;
    }

    public Scope scope() {
        return scope;
    }

    public String meterName() {
        return meterName;
    }

    public Type type() {
        return type;
    }

    /** The base unit (seconds), or null for a count. */
    public String baseUnit() {
        return baseUnit;
    }

    /** The tags of the scope, then the meter's own. */
    public List<String> tags() {
        return java.util.stream.Stream.concat(scope.tags().stream(), ownTags.stream()).toList();
    }

    /** The JMX attribute of the consumer (or of the component, for an account's meter): the sum over own tags. */
    public String jmxAttribute() {
        return jmxAttribute;
    }

    public String description() {
        return description;
    }
}

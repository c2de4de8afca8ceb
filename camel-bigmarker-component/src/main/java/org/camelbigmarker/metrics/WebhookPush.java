package org.camelbigmarker.metrics;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What became of one webhook request, named once for every place an operator sees it: the {@code result} and
 * {@code reason} tags of {@link BigMarkerMeter#WEBHOOK_PUSHES}, the details of the webhook's health check and the dev
 * console ({@link #detailName()}). The HTTP status each one is answered with is the receiver's to decide.
 */
public enum WebhookPush {
    /** Passed the checks and delivered to the route. */
    DELIVERED(true),
    /** Passed the checks; delivered before, or being delivered by another thread or node. */
    DUPLICATE(true),
    /** Passed the checks; the route failed (no 2xx: BigMarker tries again, the poll reconciles). */
    ROUTE_FAILED(true),
    /** Passed the checks while the consumer stopped or was suspended. */
    STOPPING(true),
    WRONG_TOKEN(false),
    UNKNOWN_CONFERENCE(false),
    NOT_POST(false),
    TOO_LARGE(false),
    UNREADABLE(false);

    private final boolean accepted;

    WebhookPush(boolean accepted) {
        this.accepted = accepted;
    }

    /** The {@code result} tag: accepted (it passed the receiver's checks and reached the consumer) or refused. */
    public String result() {
        return accepted ? "accepted" : "refused";
    }

    /** The {@code reason} tag: {@code route_failed}, {@code wrong_token}... */
    public String reason() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * As the health check's details and the dev console name it: {@code receivedDelivered},
     * {@code refusedWrongToken}...
     */
    public String detailName() {
        StringBuilder name = new StringBuilder(accepted ? "received" : "refused");
        for (String word : reason().split("_")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    /** Every reason, in order, for the meter's description. */
    static String reasons() {
        return Stream.of(values()).map(WebhookPush::reason).collect(Collectors.joining(", "));
    }
}

package org.camelbigmarker.consumer;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbigmarker.consumer.delivery.Claims;
import org.camelbigmarker.consumer.delivery.DeliveryLedger;
import org.camelbigmarker.consumer.delivery.FeedItem;
import org.camelbigmarker.consumer.webhook.WebhookReceiver;
import org.camelbigmarker.metrics.ConsumerMeters;
import org.camelbigmarker.metrics.WebhookPush;

/**
 * Delivers one item now, on the caller's thread, once, as a poll would (claimed through the same
 * {@link DeliveryLedger}, recorded when its exchange completed), and says what became of it once that is decided: an
 * item pushed by the webhook (BigMarker gets its 2xx only then) and an item given up on that an operator redelivers.
 */
final class DirectDelivery implements WebhookReceiver.Deliverer {

    /** Makes an item's exchange, tracked by the ledger under its claim, as the poll makes it. */
    interface Exchanges {
        Exchange of(FeedItem item, Claims.Claim claim, String path);
    }

    private final DeliveryLedger ledger;
    private final Exchanges exchanges;
    private final Processor route;
    private final BooleanSupplier running;
    private final ConsumerMeters meters;

    /**
     * @param running whether the consumer takes items now (not stopping, not suspended)
     */
    DirectDelivery(DeliveryLedger ledger, Exchanges exchanges, Processor route, BooleanSupplier running,
                   ConsumerMeters meters) {
        this.ledger = ledger;
        this.exchanges = exchanges;
        this.route = route;
        this.running = running;
        this.meters = meters;
    }

    @Override
    public WebhookReceiver.Outcome deliverPushed(FeedItem item) throws Exception {
        return deliver(item, ConsumerMeters.WEBHOOK);
    }

    @Override
    public void answered(WebhookPush push) {
        meters.webhookPush(push);
    }

    @Override
    public Map<String, Long> answeredSoFar() {
        return meters.webhookPushes();
    }

    /** Delivers {@code item}, reached by {@code path}, and waits until that is decided. */
    WebhookReceiver.Outcome deliver(FeedItem item, String path) throws Exception {
        if (!running.getAsBoolean()) {
            return WebhookReceiver.Outcome.STOPPING;
        }
        if (ledger.alreadyDelivered(item.key())) {
            meters.duplicateSuppressed();
            return WebhookReceiver.Outcome.ALREADY_DELIVERED;
        }
        Claims.Claim claim = ledger.claim(List.of(item.key()));
        if (!claim.granted(item.key())) {
            return WebhookReceiver.Outcome.DELIVERING_ELSEWHERE; // if that delivery fails, the poll brings it
        }
        route.process(exchanges.of(item, claim, path)); // waits for the route, an asynchronous one too
        ledger.record();
        // read from what the exchange's completion hooks recorded, not the exchange: it is released (and may be
        // reused by a pooled exchange factory) once its unit of work is done
        return ledger.alreadyDelivered(item.key()) ? WebhookReceiver.Outcome.DELIVERED
                : WebhookReceiver.Outcome.ROUTE_FAILED;
    }
}

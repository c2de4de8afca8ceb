package org.camelbigmarker.consumer;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.consumer.delivery.Claims;
import org.camelbigmarker.consumer.delivery.DeliveryLedger;
import org.camelbigmarker.consumer.delivery.FeedItem;
import org.camelbigmarker.consumer.webhook.WebhookReceiver;

/**
 * Delivers an item that arrived by webhook, once, as a poll would (claimed through the same {@link DeliveryLedger},
 * recorded when its exchange completed), and answers once that is decided, so that BigMarker gets its 2xx only then.
 */
final class PushedDelivery implements WebhookReceiver.Deliverer {

    private final DeliveryLedger ledger;
    private final BiFunction<FeedItem, Claims.Claim, Exchange> exchanges;
    private final Processor route;
    private final BooleanSupplier running;

    /**
     * @param exchanges makes the item's exchange, tracked by the ledger, as the poll makes it
     * @param running   whether the consumer takes items now (not stopping, not suspended)
     */
    PushedDelivery(DeliveryLedger ledger, BiFunction<FeedItem, Claims.Claim, Exchange> exchanges, Processor route,
                   BooleanSupplier running) {
        this.ledger = ledger;
        this.exchanges = exchanges;
        this.route = route;
        this.running = running;
    }

    @Override
    public WebhookReceiver.Outcome deliverPushed(FeedItem item) throws Exception {
        if (!running.getAsBoolean()) {
            return WebhookReceiver.Outcome.STOPPING;
        }
        if (ledger.alreadyDelivered(item.key())) {
            return WebhookReceiver.Outcome.ALREADY_DELIVERED;
        }
        Claims.Claim claim = ledger.claim(List.of(item.key()));
        if (!claim.granted(item.key())) {
            return WebhookReceiver.Outcome.DELIVERING_ELSEWHERE; // if that delivery fails, the poll brings it
        }
        Exchange exchange = exchanges.apply(item, claim);
        exchange.getMessage().setHeader(BigMarkerConstants.DELIVERED_BY, "webhook");
        route.process(exchange); // waits for the route, an asynchronous one too
        ledger.record();
        // read from what the exchange's completion hooks recorded, not the exchange: it is released (and may be
        // reused by a pooled exchange factory) once its unit of work is done
        return ledger.alreadyDelivered(item.key()) ? WebhookReceiver.Outcome.DELIVERED
                : WebhookReceiver.Outcome.ROUTE_FAILED;
    }
}

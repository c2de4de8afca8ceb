package org.camelbigmarker.consumer.webhook;

import java.io.IOException;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.camelbigmarker.api.JsonSupport;
import org.camelbigmarker.consumer.delivery.FeedItem;
import org.camelbigmarker.consumer.feed.PushTarget;
import org.camelbigmarker.metrics.WebhookPush;

/**
 * The HTTP side of a webhook consumer, behind a platform-http route: refuses whatever is not BigMarker's POST (a wrong
 * token, a conference not in scope, another method, an oversized or unreadable body) before it reaches the route;
 * maps the payload to the item the consumer's list would show ({@link WebhookKind}); hands it to the consumer, and
 * answers 2xx only once its exchange completed (or it had been delivered before). The consumer counts each answer.
 */
public final class WebhookReceiver implements Processor {

    /** What became of one pushed item. */
    public enum Outcome {
        DELIVERED(200), ALREADY_DELIVERED(200), DELIVERING_ELSEWHERE(200), ROUTE_FAILED(500), STOPPING(503);

        final int status;

      Outcome(int status) {
            this.status = status;
        }
    }

    /** Delivers one pushed item once, synchronously: the consumer's side. */
    public interface Deliverer {
        Outcome deliverPushed(FeedItem item) throws Exception;

        /** A request was answered: counted where operators look. */
        default void answered(WebhookPush push) {
        }

        /** The requests answered so far, as counted, by {@link WebhookPush#detailName()}. */
        default Map<String, Long> answeredSoFar() {
            return Map.of();
        }
    }

    private final PushTarget feed;
    private final WebhookKind kind;
    private final Deliverer deliverer;
    private final WebhookToken token;
    private final Predicate<String> registeredConference;
    private final int maxBodySize;

    WebhookReceiver(PushTarget feed, WebhookKind kind, Deliverer deliverer, WebhookToken token,
                    Predicate<String> registeredConference, int maxBodySize) {
        this.feed = feed;
        this.kind = kind;
        this.deliverer = deliverer;
        this.token = token;
        this.registeredConference = registeredConference;
        this.maxBodySize = maxBodySize;
    }

    @Override
    public void process(Exchange http) throws Exception {
        Message request = http.getMessage();
        String method = request.getHeader(Exchange.HTTP_METHOD, String.class);
        String presented = request.getHeader("token", String.class);
        String conference = request.getHeader("conference", String.class);
        Long declaredLength = request.getHeader("Content-Length", Long.class);
        byte[] body = declaredLength != null && declaredLength > maxBodySize ? null : request.getBody(byte[].class);
        request.setBody(null);
        request.getHeaders().clear(); // nothing of the request is echoed back as response headers
        if (!token.matches(presented)) {
            answer(http, 404, WebhookPush.WRONG_TOKEN);
        } else if (!registeredConference.test(conference)) {
            answer(http, 404, WebhookPush.UNKNOWN_CONFERENCE);
        } else if (!"POST".equalsIgnoreCase(method)) {
            answer(http, 405, WebhookPush.NOT_POST);
        } else if (declaredLength != null && declaredLength > maxBodySize || body != null && body.length > maxBodySize) {
            answer(http, 413, WebhookPush.TOO_LARGE);
        } else {
            ObjectNode item = itemIn(body, conference);
            if (item == null) {
                answer(http, 400, WebhookPush.UNREADABLE);
                return;
            }
            Outcome outcome = deliverer.deliverPushed(feed.pushed(item));
            answer(http, outcome.status, switch (outcome) {
                case DELIVERED -> WebhookPush.DELIVERED;
                case ALREADY_DELIVERED, DELIVERING_ELSEWHERE -> WebhookPush.DUPLICATE;
                case ROUTE_FAILED -> WebhookPush.ROUTE_FAILED;
                case STOPPING -> WebhookPush.STOPPING;
            });
        }
    }

    private ObjectNode itemIn(byte[] body, String conference) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return kind.itemOf(JsonSupport.mapper().readTree(body), conference);
        } catch (IOException unreadable) {
            return null;
        }
    }

    private void answer(Exchange http, int status, WebhookPush push) {
        deliverer.answered(push);
        http.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        http.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        http.getMessage().setBody("{\"status\":" + status + "}");
    }

    /** Requests by what became of them (receivedDelivered, refusedWrongToken, ...), as the consumer counted them. */
    Map<String, Long> counts() {
        return deliverer.answeredSoFar();
    }
}

package org.camelbigmarker.consumer.webhook;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.camelbigmarker.health.ReadinessCheck;

/**
 * Readiness of a consumer's webhook: up while it listens, with what became of the requests in the details
 * (receivedDelivered, refusedWrongToken..., as the consumer's meters count them: {@link
 * org.camelbigmarker.metrics.WebhookPush}), so that an operator sees probing or a misrouted proxy without reading logs.
 */
public final class WebhookHealthCheck extends ReadinessCheck {

    private final Supplier<Boolean> listening;
    private final Supplier<Map<String, Long>> counts;

    WebhookHealthCheck(String routeId, Supplier<Boolean> listening, Supplier<Map<String, Long>> counts) {
        super("consumers", "bigmarker-webhook-" + routeId);
        this.listening = listening;
        this.counts = counts;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this);
        counts.get().forEach((name, count) -> result.detail("bigmarker.webhook." + name, count));
        return listening.get() ? result.up().build() : result.down().message("the webhook is not listening").build();
    }
}

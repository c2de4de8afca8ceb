package org.camelbigmarker.consumer;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.camelbigmarker.health.ReadinessCheck;
import org.camelbigmarker.metrics.BigMarkerMeter;
import org.camelbigmarker.metrics.ConsumerMeters;

/**
 * What a consumer absorbed, in its health check's details, for operators who look at health rather than metrics:
 * items given up on and kept, the lag, the time since the last successful poll. Always UP: an item given up on waits
 * for an operator, not for a restart; Camel's own consumer check says whether polls fail.
 */
final class DeliveryHealthCheck extends ReadinessCheck {

    private final ConsumerMeters meters;
    private final HealthCheckRegistry registry;

    private DeliveryHealthCheck(String routeId, ConsumerMeters meters, HealthCheckRegistry registry) {
        super("consumers", "bigmarker-delivery-" + routeId);
        this.meters = meters;
        this.registry = registry;
    }

    /** Registers the check when Camel's health registry is present; returns how to unregister it. */
    static Runnable register(CamelContext camel, String routeId, ConsumerMeters meters) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(camel);
        if (registry == null) {
            return () -> {
            };
        }
        DeliveryHealthCheck check = new DeliveryHealthCheck(routeId, meters, registry);
        registry.register(check);
        return () -> check.registry.unregister(check);
    }

    @Override
    public Result call(Map<String, Object> options) {
        return HealthCheckResultBuilder.on(this)
                .detail("bigmarker.items.given.up.kept", (long) meters.total(BigMarkerMeter.GIVEN_UP_KEPT))
                .detail("bigmarker.items.given.up", (long) meters.total(BigMarkerMeter.ITEMS_GIVEN_UP))
                .detail("bigmarker.lag.seconds", meters.total(BigMarkerMeter.LAG))
                .detail("bigmarker.seconds.since.successful.poll", meters.total(BigMarkerMeter.SINCE_SUCCESSFUL_POLL))
                .up().build();
    }
}

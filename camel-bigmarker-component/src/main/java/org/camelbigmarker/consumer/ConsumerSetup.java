package org.camelbigmarker.consumer;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.BigMarkerGroup;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.client.BigMarkerClient;
import org.camelbigmarker.metrics.MeterBoard;

/**
 * What a consumer takes from its endpoint, given when the endpoint creates it: the consumer and everything below it
 * see this, never the endpoint or the component.
 *
 * @param group         the endpoint's API group
 * @param configuration the endpoint's options
 * @param caller        the endpoint's background caller (its requests give way to producers'), available once the
 *                      endpoint started
 * @param clock         the component's clock, the consumers' one source of time
 * @param sleeper       how the component waits (between tries of a write at stop): tests observe it
 * @param meters        the component's meters, where the consumer counts what it does
 * @param background    the component's executor for the consumers' own background work (claim renewal)
 */
public record ConsumerSetup(BigMarkerGroup group, BigMarkerConfiguration configuration, Supplier<ApiCaller> caller,
        Clock clock, BigMarkerClient.Sleeper sleeper, MeterBoard meters,
        Supplier<ScheduledExecutorService> background) {

    /** The kind of consumer the options ask for. */
    ConsumerKind kind() {
        return ConsumerKind.of(configuration);
    }
}

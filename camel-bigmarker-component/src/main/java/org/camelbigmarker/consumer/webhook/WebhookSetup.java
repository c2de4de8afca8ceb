package org.camelbigmarker.consumer.webhook;

import java.time.Clock;

import org.apache.camel.CamelContext;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.client.BigMarkerClient;

/**
 * What a consumer's webhook is made of, decided once when the consumer starts.
 *
 * @param camel       where its platform-http consumer and its health check are registered
 * @param caller      how it sets and restores conferences' webhooks (the consumer's background caller)
 * @param clock       the component's clock (when conferences are listed again)
 * @param routeId     the consumer's route, named by its health check
 * @param kind        which of BigMarker's webhooks it is
 * @param sleeper     how it waits between tries of a restore at stop (the component's)
 * @param conferences whose webhook it sets
 */
public record WebhookSetup(CamelContext camel, ApiCaller caller, Clock clock, BigMarkerClient.Sleeper sleeper,
        String routeId, WebhookKind kind, ConferenceScope conferences, WebhookOptions options) {
}

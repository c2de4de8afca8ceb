package org.camelbigmarker.consumer;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.consumer.feed.Feed;
import org.camelbigmarker.consumer.feed.FeedState;
import org.camelbigmarker.consumer.feed.PushTarget;
import org.camelbigmarker.consumer.webhook.ConferenceScope;
import org.camelbigmarker.consumer.webhook.WebhookListener;
import org.camelbigmarker.consumer.webhook.WebhookOptions;
import org.camelbigmarker.consumer.webhook.WebhookReceiver;
import org.camelbigmarker.consumer.webhook.WebhookSetup;
import org.camelbigmarker.operation.InvalidParameterException;

/** Starts a consumer's webhook (webhook=true) as its kind's row says: which webhook, and whose conferences. */
final class WebhookFactory {

    private WebhookFactory() {
    }

    static WebhookListener start(ConsumerKind kind, ConsumerSetup setup, ApiCaller caller, CamelContext camel,
                                 String routeId, Feed feed, FeedState state, WebhookReceiver.Deliverer deliverer)
            throws Exception {
        if (!kind.hasWebhook() || !(feed instanceof PushTarget target)) {
            throw new InvalidParameterException("webhook", "is not offered for " + kind.describe() + "; BigMarker"
                                                           + " has webhooks for these consumers: "
                                                           + ConsumerKind.withWebhooks());
        }
        BigMarkerConfiguration options = setup.configuration();
        ConferenceScope conferences = conferencesInScope(kind, options, caller);
        WebhookOptions webhook = new WebhookOptions(options.getWebhookBaseUrl(), options.getWebhookPath(),
                options.isWebhookKeepRegistration(), options.getWebhookMaxBodySize(),
                Duration.ofSeconds(options.getWebhookConferenceCheckInterval()));
        return WebhookListener.start(new WebhookSetup(camel, caller, setup.clock(), setup.sleeper(), routeId,
                kind.webhook(),
                conferences, webhook), target, state, deliverer);
    }

    /** The conferences whose webhook is set, as the kind's scope says. */
    private static ConferenceScope conferencesInScope(ConsumerKind kind, BigMarkerConfiguration options,
                                                      ApiCaller caller) {
        String conference = options.getConferenceId();
        String channel = options.getChannelId();
        switch (kind.scope()) {
            case CONFERENCE, CONFERENCE_OR_ACCOUNT -> {
                if (conference != null) {
                    return ConferenceScope.one(conference);
                }
                if (kind.scope() == ConsumerKind.Scope.CONFERENCE) {
                    throw new InvalidParameterException("conferenceId", "is needed with webhook=true for "
                                                                        + kind.describe());
                }
            }
            case CHANNEL -> {
                if (channel == null) {
                    throw new InvalidParameterException("channelId", "is needed with webhook=true for "
                                                                     + kind.describe());
                }
                return ConferenceScope.channel(caller, channel, options.getMaxPages());
            }
            default -> {
            }
        }
        return ConferenceScope.account(caller, kind.webhookConferenceTypes(), options.getMaxPages());
    }
}

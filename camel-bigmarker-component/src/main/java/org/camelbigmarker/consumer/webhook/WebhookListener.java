package org.camelbigmarker.consumer.webhook;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceHelper;
import org.camelbigmarker.consumer.feed.FeedState;
import org.camelbigmarker.consumer.feed.PushTarget;
import org.camelbigmarker.operation.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer's webhook (webhook=true): a platform-http consumer at {@code webhookPath/<scope>/<token>/<conference>}
 * whose requests the {@link WebhookReceiver} handles, and the webhook of each conference in scope (one, or every
 * upcoming one of a channel, new ones included) pointed at {@code webhookBaseUrl} + that path while the consumer
 * runs. The contract of Camel's WebhookCapableEndpoint, without camel-webhook: registered at start,
 * unregistered at stop, the same messages as the polling consumer.
 */
public final class WebhookListener {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookListener.class);

    private final Consumer http;
    private final WebhookReceiver receiver;
    private final WebhookRegistration registration;
    private final boolean keepRegistration;
    private final String path;
    private final String publicUrl;
    private final ConferenceScope conferences;
    private final ConferenceChecks conferenceChecks;
    private final HealthCheckRegistry healthChecks;
    private final WebhookHealthCheck healthCheck;
    /** Conferences met whose webhook could not be set: left to the next look, not tried at every poll. */
    private final java.util.Set<String> notSettable = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private WebhookListener(Consumer http, WebhookReceiver receiver, WebhookRegistration registration,
                         boolean keepRegistration, String path, String publicUrl, ConferenceScope conferences,
                         ConferenceChecks conferenceChecks, HealthCheckRegistry healthChecks, String routeId) {
        this.http = http;
        this.conferenceChecks = conferenceChecks;
        this.publicUrl = publicUrl;
        this.conferences = conferences;
        this.receiver = receiver;
        this.registration = registration;
        this.keepRegistration = keepRegistration;
        this.path = path;
        this.healthChecks = healthChecks;
        this.healthCheck = new WebhookHealthCheck(routeId, () -> ServiceHelper.isStarted(http), receiver::counts);
        if (healthChecks != null) {
            healthChecks.register(healthCheck);
        }
    }

    /**
     * Starts listening, then points the conferences' webhooks here.
     *
     * @param target where pushed items go: the consumer's feed, which keys and shapes them as its reads would
     */
    public static WebhookListener start(WebhookSetup setup, PushTarget target, FeedState state,
                                        WebhookReceiver.Deliverer deliverer) throws Exception {
        WebhookOptions options = setup.options();
        ConferenceScope conferences = setup.conferences();
        String path = options.path() + "/" + target.scope();
        WebhookRecords records = new WebhookRecords(state, target.scope());
        WebhookToken token = WebhookToken.of(records);
        WebhookRegistration registration = new WebhookRegistration(setup.caller(), setup.kind(), records,
                setup.sleeper());
        WebhookReceiver receiver = new WebhookReceiver(target, setup.kind(), deliverer, token, registration::isRegistered,
                options.maxBodySize());
        Consumer http = platformHttp(setup.camel(), path + "/{token}/{conference}").createConsumer(receiver);
        ServiceHelper.startService(http);
        WebhookListener listener = new WebhookListener(http, receiver, registration, options.keepRegistration(),
                path, options.baseUrl() + path + "/" + token.value(), conferences,
                new ConferenceChecks(setup.clock(), options.conferenceCheckInterval()),
                HealthCheckRegistry.get(setup.camel()), setup.routeId());
        try {
            List<String> inScope = conferences.current();
            try {
                registration.restoreLeftovers(inScope);
            } catch (Exception keptForLater) { // logged; an old conference does not keep this consumer from starting
            }
            for (String conference : inScope) {
                registration.register(conference, listener.publicUrl);
            }
        } catch (Exception notRegistered) {
            listener.stop();
            throw notRegistered;
        }
        return listener;
    }

    /**
     * Sets the webhook of conferences in scope that do not point here yet (new ones of a channel or the account),
     * when a look is due (webhookConferenceCheckInterval).
     */
    public void registerNewConferences() throws Exception {
        if (!conferenceChecks.due()) {
            return;
        }
        for (String conference : conferences.current()) {
            registration.register(conference, publicUrl);
        }
        notSettable.clear();
        conferenceChecks.looked();
    }

    /**
     * Sets the webhook of conferences a poll just met (a new conference of a channel or the account, or one of its
     * registrations) that do not point here yet: a conference created while the consumer runs gets its webhook at the
     * first poll that lists it, not at the next look. A conference whose webhook cannot be set is left to that look.
     */
    public void registerSeen(Collection<String> seen) {
        for (String conference : seen) {
            if (registration.isRegistered(conference) || !notSettable.add(conference)) {
                continue;
            }
            try {
                registration.register(conference, publicUrl);
                notSettable.remove(conference);
            } catch (Exception notSet) { // not the poll's failure: its items came, and the next look tries again
                LOG.warn("Could not set the webhook of conference {}, which the poll met; the next look at the"
                         + " conferences (webhookConferenceCheckInterval) tries again: {}", conference,
                        notSet.getMessage());
            }
        }
    }

    private static Endpoint platformHttp(CamelContext camel, String path) {
        try {
            return camel.getEndpoint("platform-http:" + path);
        } catch (RuntimeException noPlatformHttp) {
            throw new InvalidParameterException("webhook", "needs Camel's platform-http with an engine on the classpath"
                                                           + " (camel-platform-http-vertx, or Spring Boot's"
                                                           + " camel-platform-http-starter): " + noPlatformHttp.getMessage());
        }
    }

    /** Restores the conference's webhook (unless kept), then stops listening: late POSTs get no 2xx. */
    public void stop() throws Exception {
        try {
            if (!keepRegistration) {
                registration.restoreAll();
            }
        } finally {
            ServiceHelper.stopService(http);
            if (healthChecks != null) {
                healthChecks.unregister(healthCheck);
            }
        }
    }

    /** For operators: where it listens (the token left out) and what became of the requests. */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("path", path + "/<token>/<conference>");
        status.put("conferences", registration.registered().size());
        status.putAll(receiver.counts());
        return status;
    }
}

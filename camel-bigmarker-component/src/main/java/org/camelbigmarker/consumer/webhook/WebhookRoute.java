package org.camelbigmarker.consumer.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceHelper;
import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.BigMarkerEndpoint;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.api.Pager;
import org.camelbigmarker.consumer.ConsumerKind;
import org.camelbigmarker.consumer.feed.Feed;
import org.camelbigmarker.consumer.feed.FeedState;
import org.camelbigmarker.consumer.feed.PushTarget;
import org.camelbigmarker.consumer.feed.WebhookRecords;
import org.camelbigmarker.operation.InvalidParameterException;

/**
 * A consumer's webhook (webhook=true): a platform-http consumer at {@code webhookPath/<scope>/<token>/<conference>}
 * whose requests the {@link WebhookReceiver} handles, and the webhook of each conference in scope (one, or every
 * upcoming one of a channel, new ones included) pointed at {@code webhookBaseUrl} + that path while the consumer
 * runs. The contract of Camel's WebhookCapableEndpoint, without camel-webhook: registered at start,
 * unregistered at stop, the same messages as the polling consumer.
 */
public final class WebhookRoute {

    private final Consumer http;
    private final WebhookReceiver receiver;
    private final WebhookRegistration registration;
    private final boolean keepRegistration;
    private final String path;
    private final String publicUrl;
    private final Conferences conferences;
    private final ConferenceChecks conferenceChecks;
    private final HealthCheckRegistry healthChecks;
    private final WebhookHealthCheck healthCheck;

    /** The conferences whose webhook the consumer sets: one, or a channel's upcoming ones, read again each poll. */
    interface Conferences {
        List<String> current() throws Exception;
    }

    private WebhookRoute(Consumer http, WebhookReceiver receiver, WebhookRegistration registration,
                         boolean keepRegistration, String path, String publicUrl, Conferences conferences,
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

    /** Checks the options, starts listening, then points the conferences' webhooks here. */
    public static WebhookRoute start(BigMarkerEndpoint endpoint, String routeId, Feed feed, FeedState state,
                              WebhookReceiver.Deliverer deliverer) throws Exception {
        BigMarkerConfiguration configuration = endpoint.getConfiguration();
        ConsumerKind consumerKind = ConsumerKind.of(configuration);
        if (!consumerKind.hasWebhook() || !(feed instanceof PushTarget list)) {
            throw new InvalidParameterException("webhook", "is not offered for " + consumerKind.describe()
                                                           + "; BigMarker has webhooks for these consumers: "
                                                           + ConsumerKind.withWebhooks());
        }
        WebhookKind kind = consumerKind.webhook();
        Conferences conferences = conferencesInScope(endpoint, consumerKind);
        String baseUrl = configuration.getWebhookBaseUrl();
        if (baseUrl == null || !baseUrl.matches("https?://[^/?#]+(/[^?#]*)?")) {
            throw new InvalidParameterException("webhookBaseUrl", "is needed with webhook=true: the public http(s) URL"
                                                                  + " under which BigMarker reaches this application");
        }
        String prefix = configuration.getWebhookPath().startsWith("/") ? configuration.getWebhookPath()
                : "/" + configuration.getWebhookPath();
        String path = stripSlash(prefix) + "/" + list.scope();
        WebhookRecords records = state.webhooks(list.scope());
        WebhookToken token = WebhookToken.of(records);
        WebhookRegistration registration = new WebhookRegistration(endpoint.getBackgroundApiCaller(), kind, records);
        WebhookReceiver receiver = new WebhookReceiver(list, kind, deliverer, token, registration::isRegistered,
                configuration.getWebhookMaxBodySize());
        Consumer http = platformHttp(endpoint.getCamelContext(), path + "/{token}/{conference}")
                .createConsumer(receiver);
        ServiceHelper.startService(http);
        WebhookRoute route = new WebhookRoute(http, receiver, registration, configuration.isWebhookKeepRegistration(),
                path, stripSlash(baseUrl) + path + "/" + token.value(), conferences,
                new ConferenceChecks(endpoint.getClock(),
                        Duration.ofSeconds(configuration.getWebhookConferenceCheckInterval())),
                HealthCheckRegistry.get(endpoint.getCamelContext()), routeId);
        try {
            List<String> inScope = conferences.current();
            try {
                registration.restoreLeftovers(inScope);
            } catch (Exception keptForLater) { // logged; an old conference does not keep this consumer from starting
            }
            for (String conference : inScope) {
                registration.register(conference, route.publicUrl);
            }
        } catch (Exception notRegistered) {
            route.stop();
            throw notRegistered;
        }
        return route;
    }

    /** The conferences whose webhook is set, as the kind's scope says. */
    private static Conferences conferencesInScope(BigMarkerEndpoint endpoint, ConsumerKind kind) {
        BigMarkerConfiguration configuration = endpoint.getConfiguration();
        ApiCaller caller = endpoint.getBackgroundApiCaller();
        int maxPages = configuration.getMaxPages();
        String conference = configuration.getConferenceId();
        String channel = configuration.getChannelId();
        switch (kind.scope()) {
            case CONFERENCE, CONFERENCE_OR_ACCOUNT -> {
                if (conference != null) {
                    List<String> one = List.of(conference);
                    return () -> one;
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
                return () -> conferencesOf(caller, BigMarkerOperation.listChannelConferences,
                        Map.of("channel_url", channel, "timing", "future"), maxPages);
            }
            default -> {
            }
        }
        List<String> types = kind.webhookConferenceTypes();
        return () -> {
            List<String> ids = new ArrayList<>();
            for (String type : types) {
                ids.addAll(conferencesOf(caller, BigMarkerOperation.listConferences, Map.of("type", type), maxPages));
            }
            return ids;
        };
    }

    /** The ids of every conference a list answers (every page, 100 a page). */
    private static List<String> conferencesOf(ApiCaller caller, BigMarkerOperation list, Map<String, Object> filter,
                                              int maxPages) throws Exception {
        Map<String, Object> parameters = new LinkedHashMap<>(filter);
        parameters.put("per_page", 100);
        Pager<String> pager = new Pager<>(caller, list, parameters, conference -> conference.path("id").asText(""),
                maxPages);
        List<String> ids = new ArrayList<>();
        while (pager.hasNext()) {
            pager.next().items().stream().filter(id -> !id.isEmpty()).forEach(ids::add);
        }
        return ids;
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
        conferenceChecks.looked();
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

    private static String stripSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
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

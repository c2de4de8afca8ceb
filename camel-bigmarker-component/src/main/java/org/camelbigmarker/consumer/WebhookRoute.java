package org.camelbigmarker.consumer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceHelper;
import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.BigMarkerEndpoint;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.operation.InvalidParameterException;
import org.camelbigmarker.state.ConsumerStore;

/**
 * A consumer's webhook (webhook=true): a platform-http consumer at {@code webhookPath/<scope>/<token>} whose requests
 * the {@link WebhookReceiver} handles, and the conference's webhook pointed at {@code webhookBaseUrl} + that path while
 * the consumer runs. The contract of Camel's WebhookCapableEndpoint, without camel-webhook: registered at start,
 * unregistered at stop, the same messages as the polling consumer.
 */
final class WebhookRoute {

    private final Consumer http;
    private final WebhookReceiver receiver;
    private final WebhookRegistration registration;
    private final boolean keepRegistration;
    private final String path;
    private final HealthCheckRegistry healthChecks;
    private final WebhookHealthCheck healthCheck;

    private WebhookRoute(Consumer http, WebhookReceiver receiver, WebhookRegistration registration,
                         boolean keepRegistration, String path, HealthCheckRegistry healthChecks, String routeId) {
        this.http = http;
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

    /** Checks the options, starts listening, then points the conference's webhook here. */
    static WebhookRoute start(BigMarkerEndpoint endpoint, String routeId, Feed feed, ConsumerStore store,
                              WebhookReceiver.Deliverer deliverer) throws Exception {
        BigMarkerConfiguration configuration = endpoint.getConfiguration();
        if (configuration.getOperation() != BigMarkerOperation.listRegistrations
            || configuration.getConferenceId() == null || !(feed instanceof ListFeed list)) {
            throw new InvalidParameterException("webhook", "is supported for the new registrations of one conference:"
                                                           + " operation=listRegistrations with conferenceId");
        }
        String baseUrl = configuration.getWebhookBaseUrl();
        if (baseUrl == null || !baseUrl.matches("https?://[^/?#]+(/[^?#]*)?")) {
            throw new InvalidParameterException("webhookBaseUrl", "is needed with webhook=true: the public http(s) URL"
                                                                  + " under which BigMarker reaches this application");
        }
        String prefix = configuration.getWebhookPath().startsWith("/") ? configuration.getWebhookPath()
                : "/" + configuration.getWebhookPath();
        String path = stripSlash(prefix) + "/" + list.scope();
        WebhookToken token = WebhookToken.of(store, list.scope());
        WebhookReceiver receiver = new WebhookReceiver(list, deliverer, token, configuration.getConferenceId(),
                configuration.getWebhookMaxBodySize());
        Consumer http = platformHttp(endpoint.getCamelContext(), path + "/{token}").createConsumer(receiver);
        ServiceHelper.startService(http);
        WebhookRegistration registration = new WebhookRegistration(endpoint.getApiCaller(), store, list.scope(),
                configuration.getConferenceId());
        try {
            registration.register(stripSlash(baseUrl) + path + "/" + token.value());
        } catch (Exception notRegistered) {
            ServiceHelper.stopService(http);
            throw notRegistered;
        }
        return new WebhookRoute(http, receiver, registration, configuration.isWebhookKeepRegistration(), path,
                HealthCheckRegistry.get(endpoint.getCamelContext()), routeId);
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
    void stop() throws Exception {
        try {
            if (!keepRegistration) {
                registration.restore();
            }
        } finally {
            ServiceHelper.stopService(http);
            if (healthChecks != null) {
                healthChecks.unregister(healthCheck);
            }
        }
    }

    /** For operators: where it listens (the token left out) and what became of the requests. */
    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("path", path + "/<token>");
        status.putAll(receiver.counts());
        return status;
    }
}

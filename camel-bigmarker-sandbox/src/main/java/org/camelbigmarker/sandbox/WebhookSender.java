package org.camelbigmarker.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * BigMarker's outgoing webhooks, as the sandbox plays them: when a conference's webhook for an event is enabled and has
 * a URL (set through Update Conference), each event is POSTed there as JSON, off the request that caused it. Faults a
 * real network or BigMarker could produce are simulated on request: a share of deliveries dropped, delayed, sent
 * twice. Every attempt is recorded with the status it got (0 when none).
 */
final class WebhookSender implements AutoCloseable {

    /** The six kinds of BigMarker's conference webhooks: the enable flag and the URL field of each. */
    enum Event {
        NEW_REGISTRATION("enable_new_reg_webhook", "new_reg_webhook_url"),
        WEBINAR_START("enable_webinar_start_webhook", "webinar_start_webhook_url"),
        WAITING_ROOM_OPEN("enable_waiting_room_open_webhook", "waiting_room_open_webhook_url"),
        WEBINAR_END("enable_webinar_end_webhook", "webinar_end_webhook_url"),
        LIVE_ATTENDEE_DATA("enable_live_attendee_data_webhook", "live_attendee_data_webhook_url"),
        ON_DEMAND_VIEWER("enable_on_demand_viewer_webhook", "on_demand_viewer_webhook_url");

        final String enableField;
        final String urlField;

        Event(String enableField, String urlField) {
            this.enableField = enableField;
            this.urlField = urlField;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ScheduledExecutorService sending = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<BigMarkerSandbox.WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile double dropShare;
    private volatile double duplicateShare;
    private volatile Duration delay = Duration.ZERO;
    private volatile Random random = new Random(1);

    /** From now on: drop this share of deliveries, send this share twice, and wait this long before each. */
    void simulate(double dropShare, double duplicateShare, Duration delay, long seed) {
        this.dropShare = dropShare;
        this.duplicateShare = duplicateShare;
        this.delay = delay;
        this.random = new Random(seed);
    }

    /** Sends the event if the conference has its webhook enabled with a URL; the legacy webhook_url too. */
    void fire(ObjectNode conference, Event event, ObjectNode payload) {
        String url = conference.path(event.urlField).asText("");
        boolean enabled = conference.path(event.enableField).asBoolean(false)
                          || "true".equals(conference.path(event.enableField).asText());
        if (event == Event.NEW_REGISTRATION && url.isEmpty() && !conference.path("webhook_url").asText("").isEmpty()) {
            url = conference.path("webhook_url").asText();
            enabled = true;
        }
        if (!enabled || url.isEmpty()) {
            return;
        }
        String body = payload.toString();
        String target = url;
        boolean drop;
        boolean twice;
        synchronized (this) {
            drop = random.nextDouble() < dropShare;
            twice = !drop && random.nextDouble() < duplicateShare;
        }
        if (drop) {
            deliveries.add(new BigMarkerSandbox.WebhookDelivery(event.name(), target, body, -1));
            return;
        }
        for (int copy = 0; copy < (twice ? 2 : 1); copy++) {
            sending.schedule(() -> post(event, target, body), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void post(Event event, String url, String body) {
        int status = 0;
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            status = answer.statusCode();
        } catch (Exception unreachable) {
            Thread.interrupted(); // a failed delivery is recorded with status 0, as BigMarker would see it
        }
        deliveries.add(new BigMarkerSandbox.WebhookDelivery(event.name(), url, body, status));
    }

    /**
     * Returns once every webhook fired so far was sent (both copies of a repeated one included): a marker queued after
     * them, at the same delay, runs only once they ran, since one thread sends in order of time and then of queueing.
     */
    void awaitSent(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            sending.schedule(() -> {
            }, delay.toMillis(), TimeUnit.MILLISECONDS).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException impossible) { // the marker does nothing
            throw new IllegalStateException(impossible);
        }
    }

    List<BigMarkerSandbox.WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        sending.shutdownNow();
    }
}

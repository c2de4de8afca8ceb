package org.camelbigmarker.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.api.ApiCaller;
import org.camelbigmarker.client.BigMarkerApiException;

/**
 * Readiness of the component itself: are its credentials accepted and is the API reachable? Checked with one cheap
 * read (List Channels) with the component's own credentials, at most once a minute whatever the probe rate (the
 * answer in between is the last one), so a Kubernetes probe every few seconds does not spend BigMarker's rate limit.
 * Not a liveness check: restarting the application does not fix BigMarker.
 */
public final class BigMarkerComponentHealthCheck extends ReadinessCheck {

    public static final String ID = "bigmarker";
    static final Duration REFRESH = Duration.ofMinutes(1);

    private final ApiCaller caller;
    private final String baseUrl;
    private Instant checkedAt;
    private Result lastResult;

    public BigMarkerComponentHealthCheck(ApiCaller caller, String baseUrl) {
        super("components", ID);
        this.caller = caller;
        this.baseUrl = baseUrl;
    }

    @Override
    public synchronized Result call(Map<String, Object> options) {
        Instant now = Instant.now();
        if (lastResult == null || checkedAt.plus(REFRESH).isBefore(now)) {
            lastResult = check();
            checkedAt = now;
        }
        return lastResult;
    }

    private Result check() {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this).detail("bigmarker.baseUrl", baseUrl);
        try {
            caller.call(BigMarkerOperation.listChannels, new java.util.LinkedHashMap<>());
            return result.up().build();
        } catch (BigMarkerApiException answer) {
            result.detail(HealthCheck.HTTP_RESPONSE_CODE, answer.getStatusCode());
            String why = answer.isUnauthorized() || answer.getStatusCode() == 403
                    ? "BigMarker refused the component's credentials" : "BigMarker answered with an error";
            return result.down().message(why + " (HTTP " + answer.getStatusCode() + ")").error(answer).build();
        } catch (Exception unreachable) {
            return result.down().message("BigMarker API not reachable: " + unreachable.getMessage()).error(unreachable)
                    .build();
        }
    }
}

package org.camelbigmarker.client;

import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelbigmarker.operation.ResultSpec.BodyKind;

/**
 * Logs in with email and password (the document's Login action) on first use and shares the token between all
 * callers until BigMarker rejects it.
 * <ul>
 * <li>One login at a time: callers that need a token while a login runs wait for its result.</li>
 * <li>A rejected token is replaced only if it is still the current one, so a late 401 for an old token never discards
 * a fresh token, and 64 callers rejected together cause one login.</li>
 * <li>A failed login is not repeated at once: callers fail with its error, without a request, until a back-off
 * (doubling from {@code initialBackoff} up to {@code maxBackoff}) has passed. A wrong password costs a few logins,
 * not one per message.</li>
 * </ul>
 * The password (in the login request) and the token stay in this object: they are never logged or put in messages.
 */
public final class LoginTokenSource implements ApiKeySource {

    private final BigMarkerClient client;
    private final ApiRequest loginRequest;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final LongSupplier nanoClock;
    private volatile String token;
    private BigMarkerApiException lastFailure;
    private long failedLogins;
    private long noLoginBeforeNanos;

    /** @param loginRequest the Login action with email and password, built from the operation table */
    public LoginTokenSource(BigMarkerClient client, ApiRequest loginRequest) {
        this(client, loginRequest, Duration.ofSeconds(2), Duration.ofMinutes(5), System::nanoTime);
    }

    LoginTokenSource(BigMarkerClient client, ApiRequest loginRequest, Duration initialBackoff, Duration maxBackoff,
                     LongSupplier nanoClock) {
        this.client = client;
        this.loginRequest = loginRequest;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.nanoClock = nanoClock;
    }

    @Override
    public String apiKey() throws IOException {
        String current = token;
        return current != null ? current : loginOnce();
    }

    @Override
    public boolean renewAfterRejection(String rejected) throws IOException {
        synchronized (this) {
            if (rejected.equals(token)) {
                token = null; // still the current one: drop it; otherwise someone already replaced it
            }
        }
        apiKey();
        return true;
    }

    private synchronized String loginOnce() throws IOException {
        if (token != null) {
            return token; // another caller logged in while this one waited
        }
        if (lastFailure != null && nanoClock.getAsLong() - noLoginBeforeNanos < 0) {
            throw new BigMarkerApiException("login", lastFailure.getStatusCode(), lastFailure.getErrorType(),
                    "the last login failed (" + lastFailure.getErrorMessage() + "); not trying again for "
                                                                + Duration.ofNanos(noLoginBeforeNanos
                                                                                   - nanoClock.getAsLong())
                                                                        .toSeconds()
                                                                + " s",
                    0);
        }
        try {
            token = login();
            lastFailure = null;
            failedLogins = 0;
            return token;
        } catch (BigMarkerApiException failed) {
            lastFailure = failed;
            long backoff = Math.min(maxBackoff.toNanos(), initialBackoff.toNanos() << Math.min(failedLogins++, 20));
            noLoginBeforeNanos = nanoClock.getAsLong() + backoff;
            throw failed;
        }
    }

    private String login() throws IOException {
        return extractToken(client.execute(loginRequest, BodyKind.JSON, null, RequestPriority.FOREGROUND).json());
    }

    /** The document shows [{"api_token": "..."}]; a bare object is accepted too. */
    static String extractToken(JsonNode answer) {
        JsonNode holder = answer != null && answer.isArray() && !answer.isEmpty() ? answer.get(0) : answer;
        JsonNode token = holder == null ? null : holder.get("api_token");
        if (token == null || token.asText().isBlank()) {
            throw new BigMarkerApiException("login", 200, "no_api_token",
                    "the login answer holds no api_token", 0);
        }
        return token.asText();
    }
}

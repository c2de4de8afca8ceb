package org.camelbigmarker.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;
import org.camelbigmarker.operation.Effect;
import org.camelbigmarker.operation.ResultSpec.BodyKind;

/**
 * Logs in with email and password (the document's Login action) on first use and reuses the token until BigMarker
 * rejects it with 401. The password and the token stay in this object: they are never logged or put in messages.
 */
public final class LoginTokenSource implements ApiKeySource {

    static final String LOGIN_PATH = "/members/login";

    private final BigMarkerClient client;
    private final String email;
    private final String password;
    private volatile String token;

    public LoginTokenSource(BigMarkerClient client, String email, String password) {
        this.client = client;
        this.email = email;
        this.password = password;
    }

    @Override
    public String apiKey() throws IOException {
        String current = token;
        if (current == null) {
            synchronized (this) {
                if (token == null) {
                    token = login();
                }
                current = token;
            }
        }
        return current;
    }

    @Override
    public void invalidate() {
        token = null;
    }

    private String login() throws IOException {
        List<NameValuePair> form = List.of(new BasicNameValuePair("email", email),
                new BasicNameValuePair("password", password));
        byte[] body = WWWFormCodec.format(form, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        ApiRequest request = new ApiRequest("login", "POST", LOGIN_PATH, List.of(), body,
                ContentType.APPLICATION_FORM_URLENCODED, Effect.READ, false);
        JsonNode answer = client.execute(request, BodyKind.JSON, null).json();
        return extractToken(answer);
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

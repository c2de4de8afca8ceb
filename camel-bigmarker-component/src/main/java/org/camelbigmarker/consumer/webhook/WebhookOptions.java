package org.camelbigmarker.consumer.webhook;

import java.time.Duration;

import org.camelbigmarker.operation.InvalidParameterException;

/**
 * A webhook consumer's options, read once when it starts.
 *
 * @param baseUrl                 the public http(s) URL under which BigMarker reaches this application
 * @param path                    the path under it, before the consumer's scope, token and conference
 * @param keepRegistration        whether the conferences keep their webhook when the consumer stops
 * @param maxBodySize             the largest request body taken, in bytes
 * @param conferenceCheckInterval how often conferences in scope are listed again for new ones
 */
public record WebhookOptions(String baseUrl, String path, boolean keepRegistration, int maxBodySize,
        Duration conferenceCheckInterval) {

    public WebhookOptions {
        if (baseUrl == null || !baseUrl.matches("https?://[^/?#]+(/[^?#]*)?")) {
            throw new InvalidParameterException("webhookBaseUrl", "is needed with webhook=true: the public http(s) URL"
                                                                  + " under which BigMarker reaches this application");
        }
        baseUrl = stripSlash(baseUrl);
        path = stripSlash(path.startsWith("/") ? path : "/" + path);
    }

    private static String stripSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}

package org.camelbigmarker.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camelbigmarker.operation.InvalidParameterException;

/**
 * Checks the baseUrl option before anything is sent. Refused: anything but an absolute http(s) URL with a host;
 * user-info (a password there would be sent nowhere useful and shown in Camel's views), a query or a fragment (they
 * would be silently dropped); plain http unless allowed. Warned about: plain http (the key travels unencrypted) and
 * a host outside bigmarker.com (every request carries the key there), except on the loopback interface, where
 * nothing leaves the machine. Messages never repeat the URL: it may hold a secret.
 *
 * @param uri      the URL without trailing slashes
 * @param warnings what is allowed but worth a warning
 */
public record BaseUrl(URI uri, List<String> warnings) {

    public static BaseUrl check(String text, boolean allowPlainHttp) {
        if (text == null || text.isBlank()) {
            throw new InvalidParameterException("baseUrl", "is missing; the default is "
                                                           + "https://www.bigmarker.com/api/v1");
        }
        URI uri;
        try {
            uri = new URI(text.trim().replaceAll("/+$", ""));
        } catch (URISyntaxException invalid) {
            throw new InvalidParameterException("baseUrl", "is not a valid URL: " + invalid.getReason()
                                                           + " at character " + invalid.getIndex());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new InvalidParameterException("baseUrl", "must be an https URL with a host, such as "
                                                           + "https://www.bigmarker.com/api/v1");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidParameterException("baseUrl", "must not hold a user name or password before the host;"
                                                           + " BigMarker authenticates with apiKey, or email and"
                                                           + " password");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidParameterException("baseUrl", "must not have a query (?...) or a fragment (#...): it"
                                                           + " would be dropped; give parameters to the operation");
        }
        List<String> warnings = new ArrayList<>();
        boolean loopback = isLoopback(uri.getHost());
        if (scheme.equals("http")) {
            if (!allowPlainHttp) {
                throw new InvalidParameterException("baseUrl", "uses plain http, which would send the API key"
                                                               + " unencrypted; use https, or set allowPlainHttp=true"
                                                               + " for local testing");
            }
            if (!loopback) {
                warnings.add("baseUrl uses plain http to " + uri.getHost()
                             + ": the API key and every answer travel unencrypted");
            }
        }
        if (!loopback && !isBigMarkerHost(uri.getHost())) {
            warnings.add("baseUrl points to " + uri.getHost() + ", which is not a bigmarker.com host: every request"
                         + " carries the API key there");
        }
        return new BaseUrl(uri, List.copyOf(warnings));
    }

    private static boolean isBigMarkerHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("bigmarker.com") || name.endsWith(".bigmarker.com");
    }

    private static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]");
    }
}

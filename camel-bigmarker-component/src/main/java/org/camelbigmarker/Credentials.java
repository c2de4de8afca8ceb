package org.camelbigmarker;

import org.camelbigmarker.operation.InvalidParameterException;

/**
 * Which credentials a configuration calls BigMarker with: its API key when one is set, else a login with email and
 * password, else none. The one place that decides it: the key source, the request budget's account and the checks
 * that credentials are there all ask here. {@link #toString()} names the kind only, never a secret.
 */
final class Credentials {

    enum Kind { API_KEY, LOGIN, NONE }

    private static final Credentials NONE = new Credentials(Kind.NONE, "");

    private final Kind kind;
    /** The API key or the login's email: what identifies the account. */
    private final String identifier;

    private Credentials(Kind kind, String identifier) {
        this.kind = kind;
        this.identifier = identifier;
    }

    static Credentials of(BigMarkerConfiguration settings) {
        if (hasText(settings.getApiKey())) {
            return new Credentials(Kind.API_KEY, settings.getApiKey());
        }
        if (hasText(settings.getEmail()) && hasText(settings.getPassword())) {
            return new Credentials(Kind.LOGIN, settings.getEmail());
        }
        return NONE;
    }

    Kind kind() {
        return kind;
    }

    boolean present() {
        return kind != Kind.NONE;
    }

    /** Who BigMarker counts the requests of: the key, or the login's email. Holds the key: never log it. */
    String account() {
        return kind + " " + identifier;
    }

    /**
     * Fails, naming the option, when an email is set without a password or the reverse: a login needs both.
     */
    static void checkLoginPair(BigMarkerConfiguration settings) {
        boolean hasEmail = hasText(settings.getEmail());
        if (!hasText(settings.getApiKey()) && hasEmail != hasText(settings.getPassword())) {
            throw new InvalidParameterException(hasEmail ? "password" : "email",
                    "is missing: login needs both email and password");
        }
    }

    /** Fails, naming the apiKey option, when {@code operation} needs credentials and these are none. */
    void checkFor(BigMarkerOperation operation) {
        if (!present() && operation != null && operation.needsApiKey()) {
            throw missing();
        }
    }

    /** Fails, naming the apiKey option, when these are none: every consumer calls the API. */
    void checkForConsumer() {
        if (!present()) {
            throw missing();
        }
    }

    /** The one error for calls without credentials. */
    static InvalidParameterException missing() {
        return new InvalidParameterException("apiKey", "is missing: set apiKey, or email and password, on the"
                                                       + " component or the endpoint");
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** How the credentials are given, for the start-up line: never the key, the password or the whole e-mail. */
    String describe() {
        return switch (kind) {
            case API_KEY -> "an API key";
            case LOGIN -> "a login (" + masked(identifier) + ")";
            case NONE -> "none (each endpoint gives its own)";
        };
    }

    private static String masked(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    @Override
    public String toString() {
        return "Credentials[" + kind + "]";
    }
}

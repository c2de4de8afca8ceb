package org.camelbigmarker;

/**
 * Which credentials a configuration calls BigMarker with: its API key when one is set, else a login with email and
 * password, else none. The one place that decides it: the key source, the request budget's account and the checks
 * that credentials are there all ask here. {@link #toString()} names the kind only, never a secret.
 */
final class Credentials {

    enum Kind { API_KEY, LOGIN, NONE }

    private final Kind kind;
    private final String account;

    private Credentials(Kind kind, String account) {
        this.kind = kind;
        this.account = account;
    }

    static Credentials of(BigMarkerConfiguration settings) {
        if (hasText(settings.getApiKey())) {
            return new Credentials(Kind.API_KEY, "key " + settings.getApiKey());
        }
        if (hasText(settings.getEmail()) && hasText(settings.getPassword())) {
            return new Credentials(Kind.LOGIN, "login " + settings.getEmail());
        }
        return new Credentials(Kind.NONE, "none");
    }

    Kind kind() {
        return kind;
    }

    boolean present() {
        return kind != Kind.NONE;
    }

    /** Who BigMarker counts the requests of: the key, or the login's email. Holds the key: never log it. */
    String account() {
        return account;
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "Credentials[" + kind + "]";
    }
}

package org.camelbigmarker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which credentials a configuration calls with, and the account a request budget counts them under. */
class CredentialsTest {

    private static Credentials of(String apiKey, String email, String password) {
        BigMarkerConfiguration settings = new BigMarkerConfiguration();
        settings.setApiKey(apiKey);
        settings.setEmail(email);
        settings.setPassword(password);
        return Credentials.of(settings);
    }

    @Test
    void theKeyComesFirstThenTheLoginThenNothing() {
        assertThat(of("key-1", "ops@example.com", "secret").kind()).isEqualTo(Credentials.Kind.API_KEY);
        assertThat(of(" ", "ops@example.com", "secret").kind()).isEqualTo(Credentials.Kind.LOGIN);
        assertThat(of(null, "ops@example.com", null).kind()).isEqualTo(Credentials.Kind.NONE);
        assertThat(of(null, null, null).present()).isFalse();
    }

    @Test
    void anAccountIsItsKeyOrItsLoginsEmailAndNeverShowsTheKey() {
        assertThat(of("key-1", null, null).account()).isEqualTo(of("key-1", "x@example.com", "p").account())
                .isNotEqualTo(of("key-2", null, null).account());
        assertThat(of(null, "ops@example.com", "secret").account())
                .isEqualTo(of("", "ops@example.com", "other").account())
                .isNotEqualTo(of("key-1", null, null).account());
        assertThat(of("key-1", null, null)).hasToString("Credentials[API_KEY]");
    }
}

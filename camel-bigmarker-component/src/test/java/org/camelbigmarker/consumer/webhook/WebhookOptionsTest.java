package org.camelbigmarker.consumer.webhook;

import java.time.Duration;

import org.camelbigmarker.operation.InvalidParameterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The webhook's public URL is checked and its path normalised once. */
class WebhookOptionsTest {

    private static WebhookOptions options(String baseUrl, String path) {
        return new WebhookOptions(baseUrl, path, false, 1024, Duration.ofHours(1));
    }

    @Test
    void aPublicHttpUrlIsNeededNamingTheOption() {
        for (String wrong : new String[] {null, "", "example.com", "ftp://example.com", "https://example.com?x=1"}) {
            assertThatThrownBy(() -> options(wrong, "/hooks")).as(String.valueOf(wrong))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("webhookBaseUrl");
        }
    }

    @Test
    void slashesAreNormalised() {
        WebhookOptions options = options("https://app.example.com/base/", "hooks/");
        assertThat(options.baseUrl()).isEqualTo("https://app.example.com/base");
        assertThat(options.path()).isEqualTo("/hooks");
    }
}

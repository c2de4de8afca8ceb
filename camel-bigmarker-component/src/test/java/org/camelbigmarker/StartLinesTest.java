package org.camelbigmarker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The INFO lines at start say where the component talks to and what each consumer does, and never a secret. */
class StartLinesTest {

    @Test
    void theComponentsLineNamesTheBaseUrlTheCredentialsStyleTheBudgetAndTheStoreWithoutASecret() {
        BigMarkerComponent component = new BigMarkerComponent();
        component.getConfiguration().setApiKey("s3cret-key");
        component.getConfiguration().setBaseUrl("https://acme.bigmarker.com/api/v1");
        component.setRequestsPerMinute(120);
        assertThat(component.startLine()).isEqualTo("BigMarker component: base URL https://acme.bigmarker.com/api/v1,"
                                                    + " credentials an API key, request budget 120 requests a minute"
                                                    + " per account, consumers' default store memory, one per"
                                                    + " consumer");
        component.getConfiguration().setApiKey(null);
        component.getConfiguration().setEmail("jane.doe@example.com");
        component.getConfiguration().setPassword("pa55word");
        assertThat(component.startLine()).contains("credentials a login (j***@example.com)")
                .doesNotContain("jane.doe").doesNotContain("pa55word");
    }
}

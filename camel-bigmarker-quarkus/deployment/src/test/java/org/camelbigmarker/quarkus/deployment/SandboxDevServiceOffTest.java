package org.camelbigmarker.quarkus.deployment;

import jakarta.inject.Inject;

import io.quarkus.test.QuarkusUnitTest;
import org.apache.camel.CamelContext;
import org.camelbigmarker.BigMarkerComponent;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API key of the application's own: no sandbox, the component keeps BigMarker's base URL; the component's options
 * come from camel.component.bigmarker.* as in any Camel runtime.
 */
class SandboxDevServiceOffTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("camel.component.bigmarker.api-key", "a-key-of-our-own")
            .overrideConfigKey("camel.component.bigmarker.requests-per-minute", "30");

    @Inject
    CamelContext camel;

    @Test
    void aConfiguredKeyKeepsTheSandboxOff() {
        assertThat(ConfigProvider.getConfig().getOptionalValue("camel.component.bigmarker.base-url", String.class))
                .isEmpty();
        BigMarkerComponent component = camel.getComponent("bigmarker", BigMarkerComponent.class);
        assertThat(component.getConfiguration().getBaseUrl()).startsWith("https://www.bigmarker.com/");
        assertThat(component.getConfiguration().getApiKey()).isEqualTo("a-key-of-our-own");
        assertThat(component.getRequestsPerMinute()).isEqualTo(30);
    }
}

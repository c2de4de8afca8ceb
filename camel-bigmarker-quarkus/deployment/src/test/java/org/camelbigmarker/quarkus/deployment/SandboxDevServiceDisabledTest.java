package org.camelbigmarker.quarkus.deployment;

import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** quarkus.camel.bigmarker.devservices.enabled=false: no sandbox even with nothing configured. */
class SandboxDevServiceDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.camel.bigmarker.devservices.enabled", "false");

    @Test
    void theSwitchKeepsTheSandboxOff() {
        assertThat(ConfigProvider.getConfig().getOptionalValue("camel.component.bigmarker.base-url", String.class))
                .isEmpty();
    }
}

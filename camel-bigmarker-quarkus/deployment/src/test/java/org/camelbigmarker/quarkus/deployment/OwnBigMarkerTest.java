package org.camelbigmarker.quarkus.deployment;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which configuration keeps the Dev Service off: credentials of any kind, or an address, in either spelling. */
class OwnBigMarkerTest {

    @Test
    void credentialsOrAnAddressOfTheApplicationsOwnKeepTheSandboxOff() {
        for (String property : Set.of("camel.component.bigmarker.api-key", "camel.component.bigmarker.apiKey",
                "camel.component.bigmarker.email", "camel.component.bigmarker.password",
                "camel.component.bigmarker.base-url", "camel.component.bigmarker.baseUrl")) {
            assertThat(SandboxDevService.ownBigMarker(property::equals)).as(property).contains(property);
        }
    }

    @Test
    void otherOptionsLeaveItOn() {
        assertThat(SandboxDevService.ownBigMarker(Set.of("camel.component.bigmarker.requests-per-minute",
                "quarkus.camel.bigmarker.jdbc-consumer-store.enabled")::contains)).isEmpty();
    }
}

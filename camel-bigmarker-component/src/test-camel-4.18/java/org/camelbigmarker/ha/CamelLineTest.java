package org.camelbigmarker.ha;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The camel-4.18 profile really runs the suite on Camel 4.18, not on whatever a BOM let through. */
class CamelLineTest {

    @Test
    void theTestsOfThisProfileRunOnCamel418() {
        assertThat(new DefaultCamelContext().getVersion()).startsWith("4.18.");
        assertThat(org.apache.camel.support.DefaultComponent.class.getPackage().getImplementationVersion())
                .as("camel-support on the classpath").startsWith("4.18.");
    }
}

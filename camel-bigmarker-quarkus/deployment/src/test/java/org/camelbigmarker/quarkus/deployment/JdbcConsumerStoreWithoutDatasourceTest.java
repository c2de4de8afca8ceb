package org.camelbigmarker.quarkus.deployment;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The store asked for without quarkus-agroal: the build fails naming the property and what to add. */
class JdbcConsumerStoreWithoutDatasourceTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.camel.bigmarker.jdbc-consumer-store.enabled", "true")
            .overrideConfigKey("quarkus.camel.bigmarker.devservices.enabled", "false")
            .assertException(failure -> assertThat(failure)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.camel.bigmarker.jdbc-consumer-store.enabled=true) needs a datasource")
                    .hasMessageContaining("quarkus-agroal"));

    @Test
    void theApplicationDoesNotStart() {
        fail("the build should have failed");
    }
}

package org.camelbigmarker.springboot;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.model.Channel;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.camelbigmarker.state.JdbcConsumerStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the starter wires for an adopter: the application's own customizer wins over the properties, the consumers'
 * JdbcConsumerStore comes from the application's DataSource, the sandbox is one property away, and a misspelt
 * property is reported as written, with the one meant.
 */
class StarterWiringTest {

    /** Not components: the other tests' applications scan this package. */
    @EnableAutoConfiguration
    static class Application {
    }

    @EnableAutoConfiguration
    static class WithCustomizer {
        @Bean
        ComponentCustomizer theApplicationsOwnSettings() {
            return ComponentCustomizer.forType(BigMarkerComponent.class, component -> {
                component.getConfiguration().setApiKey("from-the-application");
                component.setConnectTimeout(4321);
            });
        }
    }

    @EnableAutoConfiguration
    static class WithDataSource {
        @Bean
        DataSource dataSource() {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:starter-wiring;DB_CLOSE_DELAY=-1");
            return h2;
        }
    }

    private static ConfigurableApplicationContext start(Class<?> application, String... properties) {
        return new SpringApplicationBuilder(application).web(WebApplicationType.NONE).properties(properties).run();
    }

    private static BigMarkerComponent componentOf(ConfigurableApplicationContext app) {
        return app.getBean(CamelContext.class).getComponent("bigmarker", BigMarkerComponent.class);
    }

    @Test
    void theApplicationsCustomizerWinsOverTheProperties() {
        try (ConfigurableApplicationContext app = start(WithCustomizer.class, "camel.component.bigmarker.api-key=",
                "camel.component.bigmarker.connect-timeout=1000", "camel.component.bigmarker.max-retries=1")) {
            BigMarkerComponent component = componentOf(app);
            assertThat(component.getConfiguration().getApiKey()).isEqualTo("from-the-application");
            assertThat(component.getConnectTimeout()).isEqualTo(4321);
            assertThat(component.getConfiguration().getMaxRetries()).as("a property nobody overrides").isEqualTo(1);
        }
    }

    @Test
    void everyConsumerWithoutAStoreUsesAJdbcConsumerStoreOnTheApplicationsDataSource() {
        try (ConfigurableApplicationContext app = start(WithDataSource.class,
                "camel.component.bigmarker.jdbc-consumer-store.enabled=true",
                "camel.component.bigmarker.jdbc-consumer-store.table-prefix=CRM_SYNC")) {
            JdbcConsumerStore store = app.getBean(JdbcConsumerStore.class);
            assertThat(componentOf(app).getConfiguration().getConsumerStore()).isSameAs(store);
        }
        try (ConfigurableApplicationContext app = start(WithDataSource.class)) {
            assertThat(app.getBeansOfType(JdbcConsumerStore.class)).as("only when asked for").isEmpty();
            assertThat(componentOf(app).getConfiguration().getConsumerStore()).isNull();
        }
    }

    @Test
    void aStoreAskedForWithoutADataSourceFailsNamingTheProperty() {
        Throwable failure = catchThrowable(() -> start(Application.class,
                "camel.component.bigmarker.jdbc-consumer-store.enabled=true").close());
        assertThat(failure).hasStackTraceContaining("camel.component.bigmarker.jdbc-consumer-store.enabled=true) needs"
                                                    + " one DataSource bean");
    }

    @Test
    void theSandboxIsOnePropertyAway() {
        try (ConfigurableApplicationContext app = start(Application.class,
                "camel.component.bigmarker.sandbox.enabled=true")) {
            BigMarkerSandbox sandbox = app.getBean(BigMarkerSandbox.class);
            assertThat(componentOf(app).getConfiguration().getBaseUrl()).isEqualTo(sandbox.baseUrl());
            Channel channel = app.getBean(CamelContext.class).createProducerTemplate().requestBody(
                    "bigmarker:channels?operation=showChannel&channelId=" + sandbox.channel() + "&outputType=typed",
                    null, Channel.class);
            assertThat(channel.getName()).isEqualTo("Acme Webinars");
        }
    }

    @Test
    void aMisspeltPropertyIsReportedAsWrittenWithTheOptionMeant() {
        Throwable failure;
        try (ConfigurableApplicationContext app = start(Application.class,
                "camel.component.bigmarker.max-retry=5", "camel.component.bigmarker.completelyUnknown=1")) {
            failure = catchThrowable(() -> componentOf(app));
        }
        FailureAnalysis analysis = new BigMarkerFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .contains("The property 'camel.component.bigmarker.max-retry' is not an option of the bigmarker"
                          + " component.")
                .contains("'camel.component.bigmarker.completelyUnknown'");
        assertThat(analysis.getAction()).contains("Did you mean 'camel.component.bigmarker.max-retries'?")
                .contains("Remove 'camel.component.bigmarker.completelyUnknown'");
    }
}

package org.camelbigmarker.springboot;

import org.apache.camel.CamelContext;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.OutputType;
import org.camelbigmarker.model.Channel;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.apache.camel.spi.ComponentCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Spring Boot application configured only from camel.component.bigmarker.* properties. */
class BigMarkerComponentAutoConfigurationTest {

    @SpringBootApplication
    static class Application {
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).properties(properties)
                .run();
    }

    @Test
    void bindsThePropertiesAndTheComponentWorks() throws Exception {
        try (BigMarkerSandbox sandbox = BigMarkerSandbox.start().seedDemoData();
             ConfigurableApplicationContext app = start("camel.component.bigmarker.api-key=" + sandbox.apiKey(),
                     "camel.component.bigmarker.base-url=" + sandbox.baseUrl(),
                     "camel.component.bigmarker.allow-plain-http=true",
                     "camel.component.bigmarker.maxRetries=1",
                     "camel.component.bigmarker.output-type=map",
                     "camel.component.bigmarker.connect-timeout=2500")) {
            CamelContext camel = app.getBean(CamelContext.class);
            BigMarkerComponent component = camel.getComponent("bigmarker", BigMarkerComponent.class);
            assertThat(app.getBeansOfType(BigMarkerComponent.class)).as("Camel creates it, as with Camel's starters")
                    .isEmpty();
            assertThat(component.getConfiguration().getApiKey()).isEqualTo(sandbox.apiKey());
            assertThat(component.getConfiguration().getMaxRetries()).isEqualTo(1);
            assertThat(component.getConfiguration().getOutputType()).isEqualTo(OutputType.map);
            assertThat(component.getConnectTimeout()).isEqualTo(2500);

            Object channel = camel.createProducerTemplate()
                    .requestBody("bigmarker:channels?operation=showChannel&channelId=" + sandbox.channel()
                                 + "&outputType=typed", (Object) null);
            assertThat(((Channel) channel).getName()).isEqualTo("Acme Webinars");
        }
    }

    @Test
    void anUnknownOptionFailsWhenCamelCreatesTheComponentNamingIt() {
        try (ConfigurableApplicationContext app = start("camel.component.bigmarker.api-kee=typo")) {
            assertThatThrownBy(() -> componentOf(app))
                    .hasStackTraceContaining("Unknown camel.component.bigmarker options: camel.component.bigmarker.api-kee"
                                            + " (did you mean camel.component.bigmarker.api-key?)");
        }
    }

    /** A customizer of the user's (a source of the application, not scanned: the other tests do without it). */
    static class Customizing {
        @Bean
        ComponentCustomizer longerConnectTimeout() {
            return ComponentCustomizer.forType(BigMarkerComponent.class,
                    component -> component.setConnectTimeout(4321));
        }
    }

    private static BigMarkerComponent componentOf(ConfigurableApplicationContext app) {
        return app.getBean(CamelContext.class).getComponent("bigmarker", BigMarkerComponent.class);
    }

    private static ConfigurableApplicationContext startCustomized(String... properties) {
        return new SpringApplicationBuilder(Application.class, Customizing.class).web(WebApplicationType.NONE)
                .properties(properties).run();
    }

    @Test
    void componentCustomizerBeansAreAppliedBesideTheProperties() {
        try (ConfigurableApplicationContext app = startCustomized("camel.component.bigmarker.max-retries=1")) {
            assertThat(componentOf(app).getConfiguration().getMaxRetries()).isEqualTo(1);
            assertThat(componentOf(app).getConnectTimeout()).isEqualTo(4321);
        }
    }

    @Test
    void customizerEnabledFalseLeavesThePropertiesOutAndKeepsTheUsersCustomizers() {
        try (ConfigurableApplicationContext app = startCustomized("camel.component.bigmarker.max-retries=1",
                "camel.component.bigmarker.customizer.enabled=false")) {
            assertThat(componentOf(app).getConfiguration().getMaxRetries()).as("the default").isEqualTo(3);
            assertThat(componentOf(app).getConnectTimeout()).isEqualTo(4321);
        }
    }

    /** The two ends docs/spring-boot.md names: Boot 4 with Camel 4.22, Boot 3.5 with Camel 4.18 (-Pcamel-4.18). */
    @Test
    void runsOnTheSpringBootOfItsCamelLine() {
        try (ConfigurableApplicationContext app = start()) {
            String camel = app.getBean(CamelContext.class).getVersion();
            String boot = org.springframework.boot.SpringBootVersion.getVersion();
            System.out.printf("[starter] Spring Boot %s with Camel %s%n", boot, camel);
            assertThat(boot).startsWith(camel.startsWith("4.18.") ? "3.5." : "4.");
        }
    }

    @Test
    void canBeTurnedOff() {
        try (ConfigurableApplicationContext app = start("camel.component.bigmarker.enabled=false",
                "camel.component.bigmarker.max-retries=1")) {
            assertThat(app.containsBean("configureBigMarkerComponent")).isFalse();
            assertThat(componentOf(app).getConfiguration().getMaxRetries()).as("the default").isEqualTo(3);
        }
    }
}

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
            assertThat(component).isSameAs(app.getBean(BigMarkerComponent.class));
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
    void anUnknownOptionFailsStartUpNamingIt() {
        assertThatThrownBy(() -> start("camel.component.bigmarker.api-kee=typo").close())
                .hasStackTraceContaining("Unknown camel.component.bigmarker options: [apiKee]");
    }

    @Test
    void canBeTurnedOff() {
        try (ConfigurableApplicationContext app = start("camel.component.bigmarker.enabled=false")) {
            assertThat(app.getBeansOfType(BigMarkerComponent.class)).isEmpty();
        }
    }
}

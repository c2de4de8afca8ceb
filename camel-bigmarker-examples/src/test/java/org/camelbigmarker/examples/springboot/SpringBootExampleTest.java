package org.camelbigmarker.examples.springboot;

import java.time.Duration;

import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Spring Boot example, configured from its properties file, delivers the sandbox channel's registrations. */
class SpringBootExampleTest {

    @Test
    void deliversNewRegistrationsConfiguredFromProperties() throws Exception {
        try (BigMarkerSandbox sandbox = BigMarkerSandbox.start().seedDemoData()) {
            System.setProperty("BIGMARKER_API_KEY", sandbox.apiKey());
            System.setProperty("BIGMARKER_BASE_URL", sandbox.baseUrl());
            System.setProperty("BIGMARKER_ALLOW_PLAIN_HTTP", "true");
            System.setProperty("BIGMARKER_POLL_DELAY", "500"); // the test waits for a second poll
            try (ConfigurableApplicationContext app = SpringBootExample.application().web(WebApplicationType.NONE)
                    .properties("camel.springboot.main-run-controller=false").run()) {
                SpringBootExample.RegistrationLog log = app.getBean(SpringBootExample.RegistrationLog.class);
                await().atMost(Duration.ofSeconds(20)).until(() -> log.emails().size() >= 6);
                sandbox.register("c0ffee01", "spring.boot@example.com", "Spring", "Boot", java.util.Map.of());
                await().atMost(Duration.ofSeconds(20)).until(() -> log.emails().contains("spring.boot@example.com"));
                assertThat(log.emails()).hasSize(7).doesNotHaveDuplicates();
            } finally {
                System.clearProperty("BIGMARKER_API_KEY");
                System.clearProperty("BIGMARKER_BASE_URL");
                System.clearProperty("BIGMARKER_ALLOW_PLAIN_HTTP");
                System.clearProperty("BIGMARKER_POLL_DELAY");
            }
        }
    }
}

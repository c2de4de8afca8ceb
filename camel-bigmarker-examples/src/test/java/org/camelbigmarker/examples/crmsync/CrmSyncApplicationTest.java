package org.camelbigmarker.examples.crmsync;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.camelbigmarker.state.JdbcConsumerStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The adopter's application, wired by its properties alone (the sandbox and the JDBC store by two switches of the
 * starter): a lead posted in is registered, every registration of the channel reaches the application's table, and
 * the attendee report of a webinar that ends reaches the CRM.
 */
class CrmSyncApplicationTest {

    @Test
    void leadsInRegistrationsToTheTableReportsToTheCrm() {
        System.setProperty("CRM_SYNC_POLL_DELAY", "300"); // the test waits for polls, not minutes
        try (ConfigurableApplicationContext app = CrmSyncApplication.application().web(WebApplicationType.NONE)
                .properties("camel.springboot.main-run-controller=false").run()) {
            BigMarkerSandbox sandbox = app.getBean(BigMarkerSandbox.class);
            org.apache.camel.CamelContext camel = app.getBean(org.apache.camel.CamelContext.class);
            BigMarkerComponent component = camel.getComponent("bigmarker", BigMarkerComponent.class);
            assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(sandbox.baseUrl());
            assertThat(component.getConfiguration().getConsumerStore()).isInstanceOf(JdbcConsumerStore.class);

            ProducerTemplate template = camel.createProducerTemplate();
            template.sendBody("direct:lead", Map.of("email", "new.lead@example.com", "first_name", "New",
                    "last_name", "Lead"));
            assertThat(sandbox.registrations("c0ffee01")).contains("new.lead@example.com");

            CrmSyncApplication.RegistrationTable table = app.getBean(CrmSyncApplication.RegistrationTable.class);
            int registrations = sandbox.registrationCount();
            await().atMost(Duration.ofSeconds(30)).until(() -> table.count() == registrations);

            sandbox.attendLive("c0ffee01", "new.lead@example.com");
            sandbox.endConference("c0ffee01");
            await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.crmPosts().stream()
                    .anyMatch(post -> post.path().endsWith("/attendees/c0ffee01")
                                      && post.body().toString().contains("new.lead@example.com")));
        } finally {
            System.clearProperty("CRM_SYNC_POLL_DELAY");
        }
    }
}

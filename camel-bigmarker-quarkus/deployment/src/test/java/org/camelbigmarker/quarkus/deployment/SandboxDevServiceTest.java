package org.camelbigmarker.quarkus.deployment;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.LogRecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.test.QuarkusUnitTest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.camelbigmarker.BigMarkerComponent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** No key, no base URL, the sandbox on the classpath: the Dev Service starts it, the component uses it, it stops. */
class SandboxDevServiceTest {

    /** Handed from the test (run in the application's class loader) to the listener (in JUnit's) through the JVM. */
    private static final String SANDBOX_URL_SEEN = "bigmarker.test.sandbox-url-seen";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(application -> application.addClass(NewRegistrations.class))
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("org.camelbigmarker.quarkus")
                                             || record.getLoggerName().equals("io.quarkus"))
            .assertLogRecords(records -> assertThat(records).map(SandboxDevServiceTest::formatted)
                    .anySatisfy(line -> assertThat(line).contains("the embedded sandbox started at http://127.0.0.1:"))
                    .anySatisfy(line -> assertThat(line).startsWith("Installed features: [camel-bigmarker")))
            .setAfterUndeployListener(SandboxDevServiceTest::theSandboxIsStoppedWithTheApplication);

    @Inject
    CamelContext camel;

    @Inject
    ProducerTemplate producer;

    @Inject
    NewRegistrations registrations;

    @ConfigProperty(name = "camel.component.bigmarker.base-url")
    String baseUrl;

    @Test
    void theComponentIsPointedAtTheSandboxAndCallsIt() {
        System.setProperty(SANDBOX_URL_SEEN, baseUrl);
        assertThat(baseUrl).startsWith("http://127.0.0.1:");
        BigMarkerComponent component = camel.getComponent("bigmarker", BigMarkerComponent.class);
        assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(baseUrl);

        Object conference = producer.requestBody(
                "bigmarker:conferences?operation=showConference&conferenceId=c0ffee01&outputType=map", (Object) null);

        assertThat(conference).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) conference).get("title")).isEqualTo("Camel in Production");
    }

    @Test
    void aConsumerDeliversTheSandboxsRegistrationsWithoutASingleProperty() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(registrations.emails()).isNotEmpty());
        assertThat(registrations.emails()).allMatch(email -> email.contains("@"));
    }

    /** docs/quarkus.md's first route, as written there. */
    @ApplicationScoped
    public static class NewRegistrations extends RouteBuilder {

        private final List<String> emails = new CopyOnWriteArrayList<>();

        List<String> emails() { // through a method: the injected bean is a proxy
            return emails;
        }

        @Override
        public void configure() {
            from("bigmarker:registrations?operation=listChannelRegistrations&channelId=acme-webinars"
                 + "&startFrom=beginning")
                    .process(exchange -> emails.add(exchange.getMessage().getHeader("CamelBigMarkerEmail",
                            String.class)))
                    .log("new registration ${header.CamelBigMarkerEmail} to ${header.CamelBigMarkerConferenceId}");
        }
    }

    private static String formatted(LogRecord record) {
        Object[] parameters = record.getParameters() == null ? new Object[0] : record.getParameters();
        return String.format(record.getMessage(), parameters);
    }

    private static void theSandboxIsStoppedWithTheApplication() {
        String sandboxUrl = System.getProperty(SANDBOX_URL_SEEN);
        assertThat(sandboxUrl).as("the test ran and saw the sandbox").isNotNull();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandboxUrl + "/conferences/c0ffee01")).build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()))
                .isInstanceOfAny(ConnectException.class, IOException.class);
    }
}

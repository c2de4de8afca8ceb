package org.camelbigmarker.examples.crmsync;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.builder.RouteBuilder;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.model.Registration;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an adopter builds first, in Spring Boot, wired by properties alone (bigmarker-crm-sync.properties): leads
 * posted to {@code direct:lead} are registered to a webinar; every new registration of the channel is copied into the
 * application's own table; the attendee report of each webinar that ends is sent to a CRM. The consumers keep their
 * state in a JdbcConsumerStore on the application's DataSource ({@code jdbc-consumer-store.enabled}); without
 * BIGMARKER_API_KEY it runs on the embedded sandbox ({@code sandbox.enabled}), whose CRM capture endpoint stands in
 * for the CRM.
 */
@SpringBootApplication
public class CrmSyncApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CrmSyncApplication.class)
                .properties("spring.config.name=bigmarker-crm-sync");
    }

    @Bean
    public RouteBuilder crmSyncRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:lead").routeId("leads")
                        .setHeader(BigMarkerConstants.CONFERENCE_ID, simple("{{crm-sync.webinar}}"))
                        .to("bigmarker:registrations?operation=registerOrUpdate");

                from("bigmarker:registrations?operation=listChannelRegistrations&channelId={{crm-sync.channel}}"
                     + "&delay={{crm-sync.poll-delay}}")
                        .routeId("registrations-to-table")
                        .bean("registrationTable", "upsert");

                from("bigmarker:reporting?event=reports&reports=reportLiveAttendees&splitReportRows=false"
                     + "&delay={{crm-sync.poll-delay}}")
                        .routeId("reports-to-crm")
                        .bean("crm", "send");
            }
        };
    }

    @Bean
    public RegistrationTable registrationTable(JdbcTemplate database) {
        database.execute("CREATE TABLE IF NOT EXISTS REGISTRANTS (EMAIL VARCHAR(320) NOT NULL, CONFERENCE_ID"
                         + " VARCHAR(64) NOT NULL, FIRST_NAME VARCHAR(200), PRIMARY KEY (EMAIL, CONFERENCE_ID))");
        return new RegistrationTable(database);
    }

    @Bean
    public Crm crm(Environment environment, ObjectProvider<BigMarkerSandbox> sandbox) {
        String url = environment.getProperty("crm-sync.crm-url");
        BigMarkerSandbox standIn = sandbox.getIfAvailable();
        return new Crm(url != null && !url.isBlank() ? url : standIn != null ? standIn.crmUrl() : null);
    }

    /** The application's own table of registrants, one row per registration, written again harmlessly. */
    public static class RegistrationTable {
        private final JdbcTemplate database;

        RegistrationTable(JdbcTemplate database) {
            this.database = database;
        }

        public void upsert(@Body Registration registration) {
            database.update("MERGE INTO REGISTRANTS (EMAIL, CONFERENCE_ID, FIRST_NAME) KEY (EMAIL, CONFERENCE_ID)"
                            + " VALUES (?, ?, ?)", registration.getEmail(), registration.getConferenceId(),
                    registration.getFirstName());
        }

        public int count() {
            return database.queryForObject("SELECT COUNT(*) FROM REGISTRANTS", Integer.class);
        }
    }

    /** The CRM: one POST of JSON per report; a non-2xx answer fails the exchange, so the report comes again. */
    public static class Crm {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final HttpClient http = HttpClient.newHttpClient();
        private final String url;

        Crm(String url) {
            this.url = url;
        }

        public void send(@Body Object report, @Header(BigMarkerConstants.CONFERENCE_ID) String conference)
                throws Exception {
            if (url == null) {
                throw new IllegalStateException("crm-sync.crm-url is not set");
            }
            String json = JSON.writeValueAsString(report); // the typed rows, in the API's field names
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/attendees/" + conference))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("the CRM answered " + answer.statusCode());
            }
        }
    }
}

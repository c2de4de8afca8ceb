package org.camelbigmarker.examples.springboot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.Header;
import org.camelbigmarker.BigMarkerConstants;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application whose BigMarker component is configured only from bigmarker-spring-example.properties
 * ({@code camel.component.bigmarker.*}, bound by camel-bigmarker-spring-boot-starter). It logs every new registration
 * of a channel. Run it with BIGMARKER_API_KEY (and BIGMARKER_CHANNEL), or against a running sandbox with
 * BIGMARKER_BASE_URL and BIGMARKER_ALLOW_PLAIN_HTTP=true.
 */
@SpringBootApplication
public class SpringBootExample {

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(SpringBootExample.class)
                .properties("spring.config.name=bigmarker-spring-example");
    }

    @Bean
    public RegistrationLog registrationLog() {
        return new RegistrationLog();
    }

    @Bean
    public RouteBuilder newRegistrationsRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("bigmarker:registrations?operation=listChannelRegistrations&channelId={{bigmarker.channel}}"
                     + "&delay={{bigmarker.poll-delay}}")
                        .routeId("new-registrations")
                        .log("New registration: ${header.CamelBigMarkerEmail} to ${header.CamelBigMarkerConferenceId}")
                        .bean("registrationLog");
            }
        };
    }

    /** The registrations the route saw, newest last. */
    public static class RegistrationLog {
        private final List<String> emails = new CopyOnWriteArrayList<>();

        public void record(@Header(BigMarkerConstants.EMAIL) String email) {
            emails.add(email);
        }

        public List<String> emails() {
            return emails;
        }
    }
}

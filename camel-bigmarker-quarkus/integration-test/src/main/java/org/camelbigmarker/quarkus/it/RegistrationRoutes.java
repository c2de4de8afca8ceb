package org.camelbigmarker.quarkus.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteBuilder;
import org.camelbigmarker.BigMarkerConstants;

/**
 * What an adopter writes: leads registered through a producer, and the channel's new registrations consumed (their
 * state in the JdbcConsumerStore the extension makes on the application's datasource).
 */
@ApplicationScoped
public class RegistrationRoutes extends RouteBuilder {

    private final List<String> registeredEmails = new CopyOnWriteArrayList<>();

    @Override
    public void configure() {
        from("direct:new-lead")
                .routeId("leads")
                .to("bigmarker:registrations?operation=registerOrUpdate");

        from("bigmarker:registrations?operation=listChannelRegistrations&channelId={{app.channel}}"
             + "&startFrom=beginning&initialDelay=0&delay={{app.poll-delay}}")
                .routeId("new-registrations")
                .process(exchange -> registeredEmails.add(
                        exchange.getMessage().getHeader(BigMarkerConstants.EMAIL, String.class)));
    }

    public List<String> registeredEmails() {
        return registeredEmails;
    }
}

package org.camelbigmarker.examples;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.camelbigmarker.BigMarkerConstants;

/**
 * The three flows in the Java DSL (src/main/resources/routes holds the same flows in the YAML DSL):
 * <ol>
 * <li>a leads CSV dropped into a folder: each lead registered (register or update) to its webinar; rows that fail
 * go to the rejects file with the reason;</li>
 * <li>new registrations of the channel upserted into a database table, durable state in the same database;</li>
 * <li>a webinar ended: its attendee and no-show reports sent to a JMS queue and POSTed as JSON to a CRM.</li>
 * </ol>
 */
public class ExampleRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{example.inbox}}?include=.*\\.csv&move=.done&moveFailed=.failed")
                .routeId("leads")
                .convertBodyTo(String.class)
                .bean("leads", "parse")
                .split(body())
                    .setProperty("lead", body())
                    .doTry()
                        .bean("leads", "check")
                        .setHeader(BigMarkerConstants.CONFERENCE_ID, method("leads", "webinarOf"))
                        .setBody(method("leads", "toRegistration"))
                        .to("bigmarker:registrations?operation=registerOrUpdate")
                        .bean("stats", "leadRegistered")
                    .doCatch(Exception.class)
                        .bean("rejects")
                    .end()
                .end()
                .log("Leads file ${header.CamelFileName} processed");

        from("bigmarker:registrations?operation=listChannelRegistrations&channelId={{example.channel}}"
             + "&consumerStore=#bigmarkerStore&initialDelay=0"
             + "&delay={{example.registrations-poll-delay}}&webhook={{example.webhook}}"
             + "&webhookBaseUrl={{example.webhook-base-url}}")
                .routeId("registrations-to-database")
                .setBody(method("registrationRows", "toRow"))
                .to("sql:{{example.upsert-sql}}")
                .bean("stats", "registrationUpserted");

        from("bigmarker:reporting?event=reports&reports=reportLiveAttendees,reportNoShows&splitReportRows=false"
             + "&consumerStore=#bigmarkerStore&initialDelay=0"
             + "&delay={{example.poll-delay}}")
                .routeId("reports-to-queue-and-crm")
                .setProperty("reportRows", simple("${body.size}"))
                .setBody(method("reportMessages", "toJson"))
                .to("jms:queue:{{example.queue}}")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .to("{{example.crm-url}}")
                .bean("stats", "reportSent")
                .log("Report ${header.CamelBigMarkerReport} of ${header.CamelBigMarkerConferenceId} sent");
    }
}

package org.camelbigmarker.consumer.feed;

import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.testing.ConsumerHarness;
import org.camelbigmarker.testing.ConsumerTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.camelbigmarker.sandbox.BigMarkerSandbox.Fault;
import org.camelbigmarker.model.Attendee;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Conference lifecycle events, post-webinar reports, and the consumer's health. */
class EventConsumersTest extends ConsumerTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();


    private static ObjectNode row(String id, String email) {
        return JSON.createObjectNode().put("id", id).put("email", email).put("BMID", "bm-" + id);
    }

    private static List<String> reportsOf(List<Exchange> exchanges) {
        List<String> reports = new ArrayList<>();
        exchanges.forEach(e -> reports.add(e.getMessage().getHeader(BigMarkerConstants.REPORT, String.class)));
        return reports;
    }

    @Test
    void eachConferenceEndIsDeliveredOnce() throws Exception {
        server.conference("c1", "future");
        server.conference("c2", "past");
        ConsumerHarness ended = harness("conferences?event=conferenceEnded");
        ended.poll();
        assertThat(ended.conferenceIds()).containsExactly("c2");
        assertThat(ended.delivered.get(0).getMessage().getHeader(BigMarkerConstants.EVENT)).isEqualTo("conferenceEnded");
        server.conference("c1", "past");
        ended.poll();
        ended.poll();
        assertThat(ended.conferenceIds()).containsExactly("c2", "c1");
    }

    @Test
    void anIdleConferenceEndedPollCostsOneRequestWithThirtyWebinarsEndedToday() throws Exception {
        for (int i = 0; i < 30; i++) {
            server.conference("past" + i, "past");
        }
        ConsumerHarness ended = harness("conferences?event=conferenceEnded");
        ended.poll();
        assertThat(ended.delivered).hasSize(30);
        int before = server.requestCount();
        ended.poll();
        assertThat(server.requestCount() - before).as("requests of an idle poll").isEqualTo(1);
        assertThat(ended.delivered).hasSize(30);
    }

    @Test
    void eachConferenceStartIsDeliveredOnce() throws Exception {
        server.conference("c1", "future");
        ConsumerHarness started = harness("conferences?event=conferenceStarted");
        started.poll();
        assertThat(started.conferenceIds()).isEmpty();
        server.conference("c1", "live");
        started.poll();
        started.poll();
        assertThat(started.conferenceIds()).containsExactly("c1");
    }

    @Test
    void reportsOfAConferenceAreDeliveredOnceItEndsAndNewOnDemandViewersLater() throws Exception {
        server.conference("c3", "live");
        server.reportRow("c3", "live_attendees", row("a1", "ann@example.com"));
        server.reportRow("c3", "live_attendees", row("a2", "bob@example.com"));
        server.reportRow("c3", "on_demand_attendees", row("o1", "cy@example.com"));
        server.reportRow("c3", "no_shows", row("n1", "dee@example.com"));
        ConsumerHarness reports = harness("reporting?event=reports&conferenceId=c3"
                                          + "&reports=reportLiveAttendees,reportNoShows,reportOnDemandAttendees,"
                                          + "reportEventSummary&reportRecheckInterval=0&emptyReportWait=0");
        reports.poll();
        assertThat(reports.delivered).as("not ended yet: nothing").isEmpty();

        server.conference("c3", "past");
        reports.poll();
        assertThat(reportsOf(reports.delivered)).containsExactlyInAnyOrder("reportLiveAttendees",
                "reportLiveAttendees", "reportNoShows", "reportOnDemandAttendees", "reportEventSummary");
        Exchange live = reports.delivered.get(0);
        assertThat(live.getMessage().getBody()).isInstanceOf(Attendee.class);
        assertThat(((Attendee) live.getMessage().getBody()).getBmid()).isEqualTo("bm-a1");
        assertThat(live.getMessage().getHeader(BigMarkerConstants.CONFERENCE_ID)).isEqualTo("c3");

        reports.poll();
        assertThat(reports.delivered).as("delivered once").hasSize(5);

        server.reportRow("c3", "on_demand_attendees", row("o2", "eve@example.com"));
        int before = server.requestCount();
        reports.poll();
        assertThat(reports.emails()).containsOnlyOnce("eve@example.com", "cy@example.com", "ann@example.com");
        assertThat(server.requestCount() - before).as("only the on-demand report is read again").isEqualTo(1);
    }

    @Test
    void aReportCanBeOneExchange() throws Exception {
        server.conference("c4", "past");
        server.reportRow("c4", "registrations", row("r1", "ann@example.com"));
        server.reportRow("c4", "registrations", row("r2", "bob@example.com"));
        ConsumerHarness reports = harness("reporting?event=reports&conferenceId=c4&reports=reportRegistrations"
                                          + "&splitReportRows=false");
        reports.poll();
        reports.poll();
        assertThat(reports.delivered).hasSize(1);
        assertThat((List<?>) reports.delivered.get(0).getMessage().getBody()).hasSize(2);
    }

    @Test
    void reportsOfEveryEndedConferenceOfTheAccount() throws Exception {
        server.conference("c5", "past");
        server.conference("c6", "future");
        server.reportRow("c5", "live_attendees", row("a1", "ann@example.com"));
        server.reportRow("c6", "live_attendees", row("a2", "bob@example.com"));
        ConsumerHarness reports = harness("reporting?event=reports&reports=reportLiveAttendees");
        reports.poll();
        assertThat(reports.emails()).containsExactly("ann@example.com");
        server.conference("c6", "past");
        reports.poll();
        reports.poll();
        assertThat(reports.emails()).containsExactly("ann@example.com", "bob@example.com");
    }

    @Test
    void aRejectedKeyMakesTheConsumerHealthDown() throws Exception {
        server.register("c1", 2);
        ConsumerHarness feed = harness("registrations?operation=listRegistrations&conferenceId=c1");
        server.failNext("/registrations/", Fault.UNAUTHORIZED, 1);
        feed.poll();
        // the consumers' health checks are registered when their repository is first looked up (camel-main does so
        // at startup when health is enabled)
        HealthCheckHelper.getHealthCheckRepository(feed.camel, "consumers");
        HealthCheck.Result result = HealthCheckHelper.invoke(feed.camel).stream()
                .filter(r -> r.getCheck().getId().contains(ConsumerHarness.ROUTE)).findFirst().orElseThrow();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        Map<String, Object> details = result.getDetails();
        assertThat(details).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
        assertThat(String.valueOf(details.get("bigmarker.error"))).contains("Missing or invalid API key");
        assertThat(result.getError()).isPresent();

        feed.poll();
        HealthCheck.Result recovered = HealthCheckHelper.invoke(feed.camel).stream()
                .filter(r -> r.getCheck().getId().contains(ConsumerHarness.ROUTE)).findFirst().orElseThrow();
        assertThat(recovered.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(feed.emails()).hasSize(2);
    }
}

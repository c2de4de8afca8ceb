package org.camelbigmarker.client;

import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.testing.WireMockTestSupport;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.Exchange;
import org.camelbigmarker.client.BigMarkerApiException;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/** Error answers, odd bodies, and the retry rules: what is repeated, how often, and what never is. */
class FailureTest extends WireMockTestSupport {

    private static final String SHOW = uri("conferences", "showConference", "conferenceId=c1");

    private Exchange send(String uri, Object body) {
        return template.request(uri, e -> e.getMessage().setBody(body));
    }

    private static int requestCount() {
        return wireMock.findAll(anyRequestedFor(anyUrl())).size();
    }

    private static void answerInSequence(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = i == answers.length - 1 ? state : "after-" + i;
            wireMock.stubFor(any(anyUrl()).inScenario("sequence").whenScenarioStateIs(state)
                    .willReturn(answers[i]).willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void errorAnswerCarriesStatusTypeMessageAndOperation() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"This conference has not ended yet.\"}")));
        BigMarkerApiException error = (BigMarkerApiException) send(
                uri("conferences", "listConferenceAttendees", "conferenceId=c1"), null).getException();
        assertThat(error.getStatusCode()).isEqualTo(404);
        assertThat(error.getOperation()).isEqualTo("listConferenceAttendees");
        assertThat(error.getErrorMessage()).isEqualTo("This conference has not ended yet.");
        assertThat(error).hasMessage("BigMarker operation listConferenceAttendees failed: HTTP 404: This conference"
                                     + " has not ended yet.");
        assertThat(requestCount()).as("a 404 is an answer, not repeated").isEqualTo(1);
    }

    @Test
    void typedErrorAnswerIsRead() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withBody(
                "{\"error\":\"conference_permission_denied\",\"message\":\"You do not have permission\"}")));
        BigMarkerApiException error = (BigMarkerApiException) send(SHOW, null).getException();
        assertThat(error.getErrorType()).isEqualTo("conference_permission_denied");
        assertThat(error.getErrorMessage()).isEqualTo("You do not have permission");
        assertThat(error.isUnauthorized()).isTrue();
    }

    @Test
    void htmlInsteadOfJsonPointsAtTheBaseUrl() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<!DOCTYPE html><html><body>Login</body></html>")));
        BigMarkerApiException error = (BigMarkerApiException) send(SHOW, null).getException();
        assertThat(error.getErrorType()).isEqualTo("unexpected_html");
        assertThat(error).hasMessageContaining("HTML page instead of JSON").hasMessageContaining("baseUrl");
    }

    @Test
    void anHtmlErrorPageIsReportedByItsStatusNotAsAWrongBaseUrl() {
        for (int status : new int[] { 502, 414 }) {
            wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type",
                    "text/html").withBody("<html><head><title>" + status + " Oops</title></head></html>")));
            BigMarkerApiException error = (BigMarkerApiException) send(SHOW, null).getException();
            assertThat(error.getStatusCode()).isEqualTo(status);
            assertThat(error).hasMessageStartingWith("BigMarker operation showConference failed: HTTP " + status)
                    .hasMessageContaining(status == 502 ? "Bad Gateway" : "URI Too Long")
                    .hasMessageContaining(status + " Oops").hasMessageNotContaining("baseUrl");
        }
    }

    @Test
    void retryAfterOnASuccessIsIgnoredWhateverItSays() {
        for (String garbage : new String[] { "99999999999999999999999999", "-5", "soon", "9223372036854775807" }) {
            wireMock.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"c1\"}").withHeader("Retry-After", garbage)));
            assertThat(send(SHOW, null).getException()).as("Retry-After: " + garbage).isNull();
        }
    }

    @Test
    void anOverflowingRetryAfterOnA429FailsAtOnceWithADayAsTheWait() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "99999999999999999999999999")));
        BigMarkerApiException error = (BigMarkerApiException) send(SHOW, null).getException();
        assertThat(error.getStatusCode()).isEqualTo(429);
        assertThat(error.getRetryAfterMillis()).isEqualTo(86_400_000L);
        assertThat(requestCount()).isEqualTo(1);
    }

    @Test
    void emptyOrMalformedBodyWhereJsonWasExpectedIsReported() {
        wireMock.stubFor(any(anyUrl()).willReturn(ok("")));
        assertThat(send(SHOW, null).getException()).hasMessageContaining("empty body where JSON was expected");
        wireMock.stubFor(any(anyUrl()).willReturn(ok("{\"id\": ")));
        assertThat(send(SHOW, null).getException()).hasMessageContaining("not valid JSON");
    }

    @Test
    void emptyBodyIsFineWhereTheDocumentShowsNoAnswer() {
        wireMock.stubFor(any(anyUrl()).willReturn(ok("")));
        Exchange exchange = send(uri("conferences", "deleteConference", "conferenceId=c1"), null);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(BigMarkerConstants.HTTP_STATUS)).isEqualTo(200);
    }

    @Test
    void throttlingIsRetriedAfterRetryAfter() {
        answerInSequence(aResponse().withStatus(429).withHeader("Retry-After", "1"),
                ok("{\"id\":\"c1\"}").withHeader("Content-Type", "application/json"));
        long start = System.nanoTime();
        Exchange exchange = send(SHOW, null);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(exchange.getException()).isNull();
        assertThat(requestCount()).isEqualTo(2);
        assertThat(elapsedMillis).as("waited for Retry-After: 1").isGreaterThanOrEqualTo(950);
    }

    @Test
    void throttlingOfAWriteIsRetriedToo() {
        answerInSequence(aResponse().withStatus(503), ok("{\"conference_url\":\"u\"}"));
        Exchange exchange = send(uri("registrations", "register", "conferenceId=c1"),
                Map.of("email", "a@x.com", "first_name", "A", "last_name", "B"));
        assertThat(exchange.getException()).isNull();
        assertThat(requestCount()).as("503 means not processed: repeated").isEqualTo(2);
    }

    @Test
    void retriesAreBounded() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        Exchange exchange = send(SHOW + "&maxRetries=2", null);
        assertThat(((BigMarkerApiException) exchange.getException()).getStatusCode()).isEqualTo(503);
        assertThat(requestCount()).isEqualTo(3);
    }

    @Test
    void retryAfterLongerThanAllowedFailsAtOnceAndSaysHowLong() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        BigMarkerApiException error = (BigMarkerApiException) send(SHOW, null).getException();
        assertThat(error.getRetryAfterMillis()).isEqualTo(120_000);
        assertThat(requestCount()).isEqualTo(1);
    }

    @Test
    void readIsRepeatedAfterAConnectionReset() {
        answerInSequence(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                ok("{\"id\":\"c1\"}").withHeader("Content-Type", "application/json"));
        Exchange exchange = send(SHOW, null);
        assertThat(exchange.getException()).isNull();
        assertThat(requestCount()).isEqualTo(2);
    }

    @Test
    void createIsNeverRepeatedOnceItMayHaveReachedTheServer() {
        answerInSequence(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), ok("{\"id\":\"new\"}"));
        Exchange exchange = send(uri("conferences", "createConference"), Map.of("channel_id", "c", "title", "t"));
        assertThat(exchange.getException()).hasMessageContaining("createConference");
        assertThat(requestCount()).as("never repeated").isEqualTo(1);
    }

    @Test
    void registerOrUpdateIsRepeatedBecauseItIsIdempotent() {
        answerInSequence(aResponse().withFault(Fault.EMPTY_RESPONSE), ok("{\"conference_url\":\"u\"}"));
        Exchange exchange = send(uri("registrations", "registerOrUpdate", "conferenceId=c1"),
                Map.of("email", "a@x.com", "first_name", "A", "last_name", "B"));
        assertThat(exchange.getException()).isNull();
        assertThat(requestCount()).isEqualTo(2);
    }

    @Test
    void slowAnswerTimesOutAndAReadIsRepeated() {
        answerInSequence(ok("{\"id\":\"slow\"}").withFixedDelay(1500),
                ok("{\"id\":\"c1\"}").withHeader("Content-Type", "application/json"));
        Exchange exchange = send(SHOW + "&responseTimeout=300", null);
        assertThat(exchange.getException()).isNull();
        assertThat(((org.camelbigmarker.model.Conference) exchange.getMessage().getBody()).getId()).isEqualTo("c1");
        assertThat(requestCount()).isEqualTo(2);
    }
}

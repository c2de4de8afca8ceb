package org.camelbigmarker.api;

import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.testing.WireMockTestSupport;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.camelbigmarker.operation.InvalidParameterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input fails with an error naming the parameter or option, and nothing is sent. */
class ValidationTest extends WireMockTestSupport {

    @AfterEach
    void nothingWasSent() {
        assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).as("requests sent").isEmpty();
    }

    private InvalidParameterException failure(String uri, Map<String, Object> headers, Object body) {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setHeaders(headers);
            e.getMessage().setBody(body);
        });
        assertThat(exchange.getException()).isInstanceOf(InvalidParameterException.class);
        return (InvalidParameterException) exchange.getException();
    }

    @Test
    void missingRequiredParameterIsNamed() {
        InvalidParameterException error = failure(uri("registrations", "register"),
                Map.of(BigMarkerConstants.CONFERENCE_ID, "c1"),
                Map.of("email", "a@example.com", "first_name", "Ada"));
        assertThat(error.getParameter()).isEqualTo("last_name");
        assertThat(error).hasMessageContaining("last_name").hasMessageContaining("register");
    }

    @Test
    void missingPathParameterExplainsWhereToGiveIt() {
        InvalidParameterException error = failure(uri("conferences", "showConference"), Map.of(), null);
        assertThat(error.getParameter()).isEqualTo("conference_id");
        assertThat(error).hasMessageContaining("conferenceId option").hasMessageContaining("CamelBigMarkerConferenceId");
    }

    @Test
    void wrongKindIsNamed() {
        InvalidParameterException error = failure(uri("conferences", "listConferences"),
                Map.of(BigMarkerConstants.PARAMETERS, Map.of("per_page", "ten")), null);
        assertThat(error.getParameter()).isEqualTo("per_page");
        assertThat(error).hasMessageContaining("whole number").hasMessageContaining("'ten'");
    }

    @Test
    void wrongBooleanAndTimeAreNamed() {
        assertThat(failure(uri("conferences", "uploadPreloadedFile", "conferenceId=c1"), Map.of(),
                Map.of("file_url", "https://x/y", "autoplay", "maybe")).getParameter()).isEqualTo("autoplay");
        assertThat(failure(uri("conferences", "listConferences"),
                Map.of(BigMarkerConstants.PARAMETERS, Map.of("start_time", "yesterday")), null).getParameter())
                .isEqualTo("start_time");
    }

    @Test
    void unknownOperationIsNamed() {
        InvalidParameterException error = failure(uri("conferences", null),
                Map.of(BigMarkerConstants.OPERATION, "showConferense"), null);
        assertThat(error.getParameter()).isEqualTo("operation");
        assertThat(error).hasMessageContaining("showConferense").hasMessageContaining("showConference");
    }

    @Test
    void operationOfAnotherGroupIsRefused() {
        InvalidParameterException error = failure(uri("conferences", null),
                Map.of(BigMarkerConstants.OPERATION, BigMarkerOperation.listChannels), null);
        assertThat(error).hasMessageContaining("belongs to group channels")
                .hasMessageContaining("bigmarker:channels?operation=listChannels");
    }

    @Test
    void missingOperationIsNamed() {
        assertThat(failure(uri("conferences", null), Map.of(), null).getParameter()).isEqualTo("operation");
    }

    @Test
    void bodyThatIsNotAJsonObjectIsRefused() {
        InvalidParameterException error = failure(uri("conferences", "createConference"), Map.of(), "hello");
        assertThat(error.getParameter()).isEqualTo("body");
    }

    @Test
    void bodyThatIsAListANumberOrABooleanIsRefusedNamingBody() {
        for (Object body : List.of(List.of(Map.of("email", "a@x.com")), 42, true, new String[] { "a" })) {
            InvalidParameterException error = failure(uri("registrations", "register", "conferenceId=c1"), Map.of(),
                    body);
            assertThat(error.getParameter()).as(body.getClass().getName()).isEqualTo("body");
        }
    }

    @Test
    void anEmptyListIsNoValueForARequiredListParameter() {
        for (Object empty : List.of(List.of(), "[]", " ")) {
            InvalidParameterException error = failure(uri("series", "removeSessionsFromSeries"),
                    Map.of(BigMarkerConstants.PARAMETERS, Map.of("session_ids", empty)), null);
            assertThat(error.getParameter()).as("session_ids given as '" + empty + "'").isEqualTo("session_ids");
        }
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        String uri = "bigmarker:conferences?operation=listConferences&apiKey=" + API_KEY + "&baseUrl=" + baseUrl();
        assertThatThrownBy(() -> template.requestBody(uri, (Object) null))
                .satisfies(thrown -> assertThat(rootCause(thrown)).isInstanceOf(InvalidParameterException.class)
                        .hasMessageContaining("baseUrl").hasMessageContaining("allowPlainHttp"));
    }

    @Test
    void unknownGroupIsNamed() {
        assertThatThrownBy(() -> context.getEndpoint("bigmarker:webinars?apiKey=k"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(thrown -> assertThat(rootCause(thrown)).hasMessageContaining("'webinars' is not a"
                                                                                        + " BigMarker group"));
    }

    @Test
    void missingCredentialsAreNamed() {
        String uri = "bigmarker:conferences?operation=listConferences&allowPlainHttp=true&baseUrl=" + baseUrl();
        assertThatThrownBy(() -> template.requestBody(uri, (Object) null))
                .satisfies(thrown -> assertThat(rootCause(thrown)).isInstanceOf(InvalidParameterException.class)
                        .hasMessageContaining("apiKey"));
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}

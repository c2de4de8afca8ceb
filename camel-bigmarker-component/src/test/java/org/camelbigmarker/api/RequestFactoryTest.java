package org.camelbigmarker.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.core5.http.NameValuePair;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.client.ApiRequest;
import org.camelbigmarker.operation.InvalidParameterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request as the operation table describes it: path, query or body by the row's encoding, checks by its specs. */
class RequestFactoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RequestFactory requests = new RequestFactory(JsonSupport.mapper());

    private ApiRequest build(BigMarkerOperation operation, Map<String, Object> parameters) {
        return requests.build(operation, new LinkedHashMap<>(parameters));
    }

    @Test
    void aPathParameterFillsItsSegmentEncodedAndIsNotSentAgain() {
        ApiRequest request = build(BigMarkerOperation.showConference, Map.of("conference_id", "a/b?c"));
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/conferences/a%2Fb%3Fc");
        assertThat(request.query()).isEmpty();
        assertThat(request.authenticated()).isTrue();
    }

    @Test
    void aSegmentOfDotsStaysOneSegment() {
        assertThat(build(BigMarkerOperation.showConference, Map.of("conference_id", "..")).path())
                .isEqualTo("/conferences/%2E%2E");
    }

    @Test
    void aGetSendsItsParametersInTheQueryInTheTablesOrderThenTheUndocumentedOnes() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("custom", "x");
        given.put("per_page", 50);
        given.put("page", 2);
        ApiRequest request = build(BigMarkerOperation.listConferences, given);
        assertThat(request.body()).isNull();
        assertThat(request.query()).extracting(NameValuePair::getName).endsWith("custom")
                .contains("page", "per_page");
    }

    @Test
    void aJsonOperationSendsAJsonBodyWithListsAsLists() throws Exception {
        ApiRequest request = build(BigMarkerOperation.updateConference,
                Map.of("conference_id", "c1", "title", "Q4", "enable_new_reg_webhook", "true"));
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.contentType().getMimeType()).isEqualTo("application/json");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("title").asText()).isEqualTo("Q4");
        assertThat(body.path("enable_new_reg_webhook").isBoolean()).as("coerced to the row's kind").isTrue();
        assertThat(body.has("conference_id")).as("it is in the path").isFalse();
    }

    @Test
    void aFormOperationSendsAUtf8Form() {
        BigMarkerOperation form = java.util.Arrays.stream(BigMarkerOperation.values())
                .filter(operation -> operation.bodyEncoding() == org.camelbigmarker.operation.BodyEncoding.FORM)
                .findFirst().orElseThrow();
        Map<String, Object> parameters = new LinkedHashMap<>();
        form.parameters().values().stream().filter(spec -> spec.required())
                .forEach(spec -> parameters.put(spec.name(), spec.name().contains("email") ? "zoë@example.com" : "1"));
        ApiRequest request = build(form, parameters);
        assertThat(request.contentType()).isEqualTo(ApiRequest.FORM);
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).doesNotContain("{");
    }

    @Test
    void aMissingRequiredParameterIsNamedWithWhereToSetIt() {
        assertThatThrownBy(() -> build(BigMarkerOperation.showConference, Map.of()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("conference_id")
                .hasMessageContaining("conferenceId option");
        assertThatThrownBy(() -> build(BigMarkerOperation.showConference, Map.of("conference_id", "  ")))
                .as("blank is missing").hasMessageContaining("is required");
    }

    @Test
    void aRequiredListMustNotBeEmpty() {
        Map<String, Object> parameters = new LinkedHashMap<>(Map.of("series_id", "s1", "session_ids", List.of()));
        assertThatThrownBy(() -> build(BigMarkerOperation.addSessionsToSeries, parameters))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("session_ids")
                .hasMessageContaining("must not be empty");
    }

    @Test
    void loginIsTheOneRequestSentWithoutTheKey() {
        assertThat(build(BigMarkerOperation.login, Map.of("email", "a@example.com", "password", "p")).authenticated())
                .isFalse();
    }
}

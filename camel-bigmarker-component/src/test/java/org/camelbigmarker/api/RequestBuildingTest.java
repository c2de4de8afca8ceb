package org.camelbigmarker.api;

import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.testing.WireMockTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/** Where parameters come from, which source wins, and how values are written on the wire. */
class RequestBuildingTest extends WireMockTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void answerWithAnEmptyObject() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"x\",\"items\":[]}")));
    }

    private LoggedRequest send(String uri, Map<String, Object> headers, Object body) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setHeaders(new LinkedHashMap<>(headers));
            e.getMessage().setBody(body);
        });
        assertThat(exchange.getException()).isNull();
        List<LoggedRequest> requests = wireMock.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    @Test
    void pathParametersCannotChangeThePath() {
        assertThat(send(uri("conferences", "showConference"),
                Map.of(BigMarkerConstants.CONFERENCE_ID, "../channels"), null).getUrl())
                .isEqualTo("/api/v1/conferences/..%2Fchannels");
        wireMock.resetRequests();
        assertThat(send(uri("conferences", "showConference"), Map.of(BigMarkerConstants.CONFERENCE_ID, ".."), null)
                .getUrl()).isEqualTo("/api/v1/conferences/%2E%2E");
        wireMock.resetRequests();
        assertThat(send(uri("conferences", "showConference"),
                Map.of(BigMarkerConstants.CONFERENCE_ID, "a b?c=d#e"), null).getUrl())
                .isEqualTo("/api/v1/conferences/a%20b%3Fc%3Dd%23e");
    }

    @Test
    void headersWinOverBodyWhichWinsOverEndpointOptions() throws Exception {
        String uri = uri("conferences", "updateConference", "conferenceId=from-option", "param.title=from-option",
                "param.purpose=from-option", "param.time_zone=from-option");
        LoggedRequest request = send(uri,
                Map.of(BigMarkerConstants.PARAMETERS, Map.of("purpose", "from-header", "conference_id", "from-map"),
                        BigMarkerConstants.CONFERENCE_ID, "from-id-header"),
                Map.of("title", "from-body", "purpose", "from-body"));
        assertThat(request.getUrl()).isEqualTo("/api/v1/conferences/from-id-header");
        JsonNode body = JSON.readTree(request.getBodyAsString());
        assertThat(body.get("title").asText()).isEqualTo("from-body");
        assertThat(body.get("purpose").asText()).isEqualTo("from-header");
        assertThat(body.get("time_zone").asText()).isEqualTo("from-option");
        assertThat(body.has("conference_id")).as("path parameters are not repeated in the body").isFalse();
    }

    /** A user's POJO: camelCase properties become the API's snake_case names. */
    public static class NewConference {
        public String channelId = "my-channel";
        public String title = "Lead Generation 101";
        public Boolean enableDialIn = true;
        public String purpose;
    }

    @Test
    void pojoBodyBecomesSnakeCaseJson() throws Exception {
        LoggedRequest request = send(uri("conferences", "createConference"), Map.of(), new NewConference());
        assertThat(JSON.readTree(request.getBodyAsString())).isEqualTo(JSON.readTree(
                "{\"channel_id\":\"my-channel\",\"title\":\"Lead Generation 101\",\"enable_dial_in\":true}"));
    }

    @Test
    void jsonTextBodyIsAccepted() throws Exception {
        LoggedRequest request = send(uri("conferences", "createConference"), Map.of(),
                "{\"channel_id\":\"c\",\"title\":\"t\",\"webinar_tags\":[{\"region\":\"EMEA\"}],\"new_field\":1}");
        JsonNode body = JSON.readTree(request.getBodyAsString());
        assertThat(body.get("webinar_tags").get(0).get("region").asText()).isEqualTo("EMEA");
        assertThat(body.get("new_field").asInt()).as("undocumented fields pass through").isEqualTo(1);
    }

    @Test
    void formBodyCarriesCustomFieldsAsJsonText() {
        Map<String, Object> customFields = new LinkedHashMap<>();
        customFields.put("a924c219b209", "ttt");
        LoggedRequest request = send(uri("registrations", "registerOrUpdate", "conferenceId=conf-1"), Map.of(),
                Map.of("email", "ada@example.com", "first_name", "Ada", "last_name", "Lovelace",
                        "custom_fields", customFields));
        Map<String, String> form = form(request.getBodyAsString());
        assertThat(form).containsEntry("id", "conf-1").containsEntry("email", "ada@example.com")
                .containsEntry("custom_fields", "{\"a924c219b209\":\"ttt\"}");
        assertThat(request.getMethod().getName()).isEqualTo("PUT");
    }

    @Test
    void aFormBodyIsLabelledWithTheCharsetItIsEncodedIn() {
        LoggedRequest request = send(uri("registrations", "register", "conferenceId=conf-1"), Map.of(),
                Map.of("email", "zoe@example.com", "first_name", "Zoë", "last_name", "Šťastná"));
        String contentType = request.getHeader("Content-Type");
        assertThat(contentType).startsWith("application/x-www-form-urlencoded").containsIgnoringCase("charset=UTF-8");
        // a server decodes the body with the charset the label names
        String charset = contentType.replaceAll("(?i).*charset=([^;]+).*", "$1");
        Map<String, String> form = new LinkedHashMap<>();
        WWWFormCodec.parse(request.getBodyAsString(), java.nio.charset.Charset.forName(charset))
                .forEach(pair -> form.put(pair.getName(), pair.getValue()));
        assertThat(form).containsEntry("first_name", "Zoë").containsEntry("last_name", "Šťastná");
    }

    @Test
    void timesListsAndBooleansAreWrittenAsTheApiExpects() {
        LoggedRequest request = send(uri("conferences", "listConferences"), Map.of(BigMarkerConstants.PARAMETERS,
                Map.of("start_time", Instant.ofEpochSecond(1548893746), "include_series", "TRUE", "per_page", 50)),
                null);
        assertThat(form(request.getUrl().substring(request.getUrl().indexOf('?') + 1)))
                .containsEntry("start_time", "1548893746").containsEntry("include_series", "true")
                .containsEntry("per_page", "50");
        wireMock.resetRequests();
        LoggedRequest analytics = send(uri("customEmails", "getEmailAnalytics"), Map.of(BigMarkerConstants.PARAMETERS,
                Map.of("custom_email_id", "e1", "date_start", Instant.ofEpochMilli(1667455038672L))), null);
        assertThat(analytics.getUrl()).contains("date_start=1667455038672");
        wireMock.resetRequests();
        LoggedRequest block = send(uri("registrationBlockList", "addToRegistrationBlockList", "conferenceId=c1"),
                Map.of(), Map.of("list_type", "block_list", "emails", List.of("a@x.com", "b@x.com")));
        assertThat(form(block.getBodyAsString())).containsEntry("emails", "a@x.com,b@x.com");
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (NameValuePair pair : WWWFormCodec.parse(encoded, StandardCharsets.UTF_8)) {
            pairs.put(pair.getName(), pair.getValue());
        }
        return pairs;
    }
}

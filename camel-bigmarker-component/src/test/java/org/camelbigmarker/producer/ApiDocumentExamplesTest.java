package org.camelbigmarker.producer;

import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.testing.WireMockTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action of the BigMarker API document, replayed from the document's own examples
 * (src/test/resources/api-document-examples.json, written from bigmarker-api.txt: the curl request, the sample
 * answer, and where the document contradicts itself the decision taken). For each action: the route sends the
 * example's parameters; the test checks the method, path, query, API-KEY header, body encoding and body that reached
 * the server, then checks what the route received from the document's sample answer.
 */
class ApiDocumentExamplesTest extends WireMockTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> examples() throws IOException {
        return load().stream().map(example -> Arguments.of(example.get("operation").asText(), example));
    }

    static List<JsonNode> load() throws IOException {
        try (InputStream in = ApiDocumentExamplesTest.class.getResourceAsStream("/api-document-examples.json")) {
            List<JsonNode> examples = new ArrayList<>();
            JSON.readTree(in).forEach(examples::add);
            return examples;
        }
    }

    @Test
    void theExamplesCoverEveryActionOfTheDocumentOnce() throws IOException {
        List<String> names = load().stream().map(example -> example.get("operation").asText()).toList();
        assertThat(names).hasSize(95).doesNotHaveDuplicates();
        assertThat(names).containsExactlyInAnyOrderElementsOf(
                Stream.of(BigMarkerOperation.values()).map(Enum::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void performsTheDocumentedRequestAndMapsTheDocumentedAnswer(String operation, JsonNode example) throws Exception {
        stubAnswer(example.get("response"));
        Map<String, Object> parameters = JSON.convertValue(example.get("params"), new TypeReference<>() {
        });

        Exchange exchange = template.request(uri(example.get("group").asText(), operation),
                e -> e.getMessage().setHeader(BigMarkerConstants.PARAMETERS, parameters));

        assertThat(exchange.getException()).as("exception").isNull();
        List<LoggedRequest> requests = wireMock.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).as("requests sent").hasSize(1);
        assertRequest(requests.get(0), example.get("expect"), !"login".equals(operation));
        assertResult(exchange.getMessage().getBody(), example.get("result"));
    }

    private static void stubAnswer(JsonNode response) {
        String body = response == null || response.isNull() ? ""
                : response.has("__text__") ? response.get("__text__").asText() : response.toString();
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static void assertRequest(LoggedRequest request, JsonNode expect, boolean authenticated)
            throws IOException {
        assertThat(request.getMethod().getName()).as("method").isEqualTo(expect.get("method").asText());
        String url = request.getUrl();
        int question = url.indexOf('?');
        assertThat(question < 0 ? url : url.substring(0, question)).as("path").isEqualTo(expect.get("path").asText());
        Map<String, String> expectedQuery = JSON.convertValue(expect.get("query"), new TypeReference<>() {
        });
        assertThat(pairs(question < 0 ? "" : url.substring(question + 1))).as("query").isEqualTo(expectedQuery);
        if (authenticated) {
            assertThat(request.getHeader("API-KEY")).as("API-KEY header").isEqualTo(API_KEY);
        } else {
            assertThat(request.containsHeader("API-KEY")).as("login sends no API-KEY").isFalse();
        }
        String encoding = expect.get("encoding").isNull() ? null : expect.get("encoding").asText();
        if (encoding == null) {
            assertThat(request.getBodyAsString()).as("body").isEmpty();
        } else if (encoding.equals("json")) {
            assertThat(request.contentTypeHeader().mimeTypePart()).isEqualTo("application/json");
            assertThat(JSON.readTree(request.getBodyAsString())).as("JSON body").isEqualTo(expect.get("body"));
        } else {
            assertThat(request.contentTypeHeader().mimeTypePart()).isEqualTo("application/x-www-form-urlencoded");
            Map<String, String> expectedForm = JSON.convertValue(expect.get("body"), new TypeReference<>() {
            });
            assertThat(pairs(request.getBodyAsString())).as("form body").isEqualTo(expectedForm);
        }
    }

    private static Map<String, String> pairs(String encoded) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (NameValuePair pair : WWWFormCodec.parse(encoded, StandardCharsets.UTF_8)) {
            pairs.put(pair.getName(), pair.getValue());
        }
        return pairs;
    }

    private static void assertResult(Object body, JsonNode result) {
        if (result.has("empty")) {
            assertThat(body).as("body of an answer without content").isNull();
            return;
        }
        if (result.has("text")) {
            assertThat(body).as("text answer").isInstanceOf(String.class);
            assertThat((String) body).contains("Sessions session1, session2");
            return;
        }
        Object subject = body;
        if (result.has("count")) {
            assertThat(body).as("list body").isInstanceOf(List.class);
            Collection<?> items = (Collection<?>) body;
            assertThat(items).as("items").hasSize(result.get("count").asInt());
            subject = items.iterator().next();
            assertFields(subject, result.get("first"));
        } else {
            assertFields(subject, result.get("fields"));
        }
        if (result.has("type")) {
            assertThat(subject.getClass().getSimpleName()).as("model").isEqualTo(result.get("type").asText());
        }
    }

    private static void assertFields(Object subject, JsonNode expected) {
        JsonNode actual = JSON.valueToTree(subject);
        if (expected.isValueNode()) {
            assertThat(actual).isEqualTo(expected);
            return;
        }
        expected.fields().forEachRemaining(field -> assertThat(actual.get(field.getKey()))
                .as("field " + field.getKey()).isEqualTo(field.getValue()));
    }
}

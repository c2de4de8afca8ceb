package org.camelbigmarker.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.PercentCodec;
import org.apache.hc.core5.net.WWWFormCodec;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.client.ApiRequest;
import org.camelbigmarker.operation.InvalidParameterException;
import org.camelbigmarker.operation.ParameterSpec;
import org.camelbigmarker.operation.ParameterType.JsonText;

/**
 * Builds an {@link ApiRequest} from an operation's row and its collected parameters. Every check happens here, before
 * anything is sent: required parameters, kinds, path values. Parameters the table does not list are passed through
 * unchanged, because the API grows faster than its document.
 */
public final class RequestFactory {

    private final ObjectMapper mapper;

    public RequestFactory(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ApiRequest build(BigMarkerOperation operation, Map<String, Object> given) {
        Map<String, Object> values = validated(operation, given);
        String path = operation.route().expand(name -> encodePathSegment(values.remove(name)));
        return switch (operation.bodyEncoding()) {
            case NONE -> request(operation, path, pairs(values), null, null);
            case FORM -> request(operation, path, List.of(),
                    WWWFormCodec.format(pairs(values), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8),
                    ApiRequest.FORM);
            case JSON -> request(operation, path, List.of(), jsonBody(values), ContentType.APPLICATION_JSON);
        };
    }

    private static ApiRequest request(BigMarkerOperation operation, String path, List<NameValuePair> query,
                                      byte[] body, ContentType contentType) {
        return new ApiRequest(operation.name(), operation.method(), path, query, body, contentType,
                operation.effect(), operation.needsApiKey());
    }

    /** Documented parameters coerced to their kinds, in table order; then the undocumented ones as given. */
    private static Map<String, Object> validated(BigMarkerOperation operation, Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : operation.parameters().values()) {
            Object value = given.get(spec.name());
            if (isAbsent(value)) {
                if (spec.required()) {
                    throw new InvalidParameterException(spec.name(), "is required by operation " + operation.name()
                                                                     + " (" + where(spec) + ")");
                }
                continue;
            }
            Object coerced = spec.type().coerce(spec.name(), value);
            if (spec.required() && isEmpty(coerced)) { // e.g. an empty list, or "[]"
                throw new InvalidParameterException(spec.name(), "is required by operation " + operation.name()
                                                                 + " and must not be empty");
            }
            values.put(spec.name(), coerced);
        }
        given.forEach((name, value) -> values.putIfAbsent(name, value));
        return values;
    }

    private static String where(ParameterSpec spec) {
        if ("conference_id".equals(spec.alias())) {
            return "set the conferenceId option, the CamelBigMarkerConferenceId header, or " + spec.name()
                   + " in the body or the CamelBigMarkerParameters header";
        }
        if ("channel_id".equals(spec.alias())) {
            return "set the channelId option, the CamelBigMarkerChannelId header, or channel_id in the body or"
                   + " the CamelBigMarkerParameters header";
        }
        return "give it in the body, the CamelBigMarkerParameters header, or as param." + spec.name();
    }

    private static boolean isAbsent(Object value) {
        return value == null || value instanceof CharSequence text && text.toString().isBlank();
    }

    /**
     * Whether a coerced value holds nothing: blank text, an empty list, array or map, or JSON text "[]" or "{}".
     * An optional parameter may be sent empty (an empty webinar_tags clears the tags); a required one may not.
     */
    private static boolean isEmpty(Object value) {
        if (value instanceof JsonText json) {
            return json.value() instanceof String text ? text.matches("\\[\\s*]|\\{\\s*}") : isEmpty(json.value());
        }
        return isAbsent(value) || value instanceof Collection<?> items && items.isEmpty()
               || value instanceof Map<?, ?> map && map.isEmpty()
               || value instanceof Object[] array && array.length == 0;
    }

    /**
     * Percent-encodes everything but unreserved characters, so an id such as "../channels" or "a/b?c" stays one
     * segment; a segment of dots alone is encoded too, since clients and servers would otherwise resolve it.
     */
    static String encodePathSegment(Object value) {
        String text = String.valueOf(value);
        if (text.matches("\\.+")) {
            return text.replace(".", "%2E");
        }
        return PercentCodec.encode(text, StandardCharsets.UTF_8);
    }

    private List<NameValuePair> pairs(Map<String, Object> values) {
        List<NameValuePair> pairs = new ArrayList<>();
        values.forEach((name, value) -> pairs.add(new BasicNameValuePair(name, asText(name, value))));
        return pairs;
    }

    /** Query and form values are text; lists, maps and JSON values travel as JSON text. */
    private String asText(String name, Object value) {
        if (value instanceof JsonText json) {
            return json.value() instanceof String text ? text : writeJson(name, json.value());
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof Object[]) {
            return writeJson(name, value);
        }
        return String.valueOf(value);
    }

    private byte[] jsonBody(Map<String, Object> values) {
        Map<String, Object> body = new LinkedHashMap<>();
        values.forEach((name, value) -> body.put(name, value instanceof JsonText json ? jsonValue(name, json) : value));
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException unwritable) {
            throw new InvalidParameterException("body", "cannot be written as JSON: "
                                                        + unwritable.getOriginalMessage());
        }
    }

    private Object jsonValue(String name, JsonText json) {
        if (!(json.value() instanceof String text)) {
            return json.value();
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException invalid) {
            throw new InvalidParameterException(name, "is not valid JSON: " + invalid.getOriginalMessage());
        }
    }

    private String writeJson(String name, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException unwritable) {
            throw new InvalidParameterException(name, "cannot be written as JSON: " + unwritable.getOriginalMessage());
        }
    }
}

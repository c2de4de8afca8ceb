package org.camelbigmarker.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camelbigmarker.operation.ResultSpec.BodyKind;

/**
 * Turns a raw answer into an {@link ApiResponse} or a {@link BigMarkerApiException} with a message a person can act
 * on: HTML where JSON was expected usually means a wrong base URL, and says so.
 */
public final class ResponseReader {

    static final String BASE_URL_HINT = "check the baseUrl option (it ends in /api/v1, e.g. "
                                        + "https://www.bigmarker.com/api/v1 or https://NAME.bigmarker.com/api/v1)";

    private final ObjectMapper mapper;

    public ResponseReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ApiResponse read(String operation, BodyKind expected, int status, String contentType, byte[] body,
                            long retryAfterMillis, Instant serverTime) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).trim();
        boolean success = status >= 200 && status < 300;
        if (looksLikeHtml(contentType, text)) {
            throw new BigMarkerApiException(operation, status, "unexpected_html",
                    "BigMarker answered with an HTML page instead of JSON; " + BASE_URL_HINT, retryAfterMillis);
        }
        if (!success) {
            throw error(operation, status, parse(text), text, retryAfterMillis);
        }
        if (text.isEmpty() && expected == BodyKind.JSON) {
            throw new BigMarkerApiException(operation, status, "empty_body",
                    "the answer has an empty body where JSON was expected", 0);
        }
        // parsed when first read: malformed JSON fails there, with the same malformed_json error
        return new ApiResponse(operation, status, body == null ? new byte[0] : body, serverTime, mapper,
                expected == BodyKind.JSON_OR_TEXT);
    }

    private JsonNode parse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
    }

    /**
     * BigMarker documents its errors as {"error": "message"} and, in its tables, as a type and a message; both
     * readings are accepted, as is an {"error": {"type", "message"}} object.
     */
    private static BigMarkerApiException error(String operation, int status, JsonNode json, String text,
                                               long retryAfterMillis) {
        String type = null;
        String message = null;
        if (json != null && json.isObject()) {
            JsonNode error = json.get("error");
            if (error != null && error.isObject()) {
                type = textOf(error, "type", "code");
                message = textOf(error, "message", "error");
            } else {
                type = textOf(json, "type", "error_type", "code");
                message = textOf(json, "message", "error_message");
                String errorText = error == null ? null : error.asText();
                if (message == null) {
                    message = errorText;
                } else if (type == null) {
                    type = errorText;
                }
            }
        }
        if (message == null && !text.isEmpty()) {
            message = abbreviate(text);
        }
        if (status == 404 && json == null) {
            message = (message == null ? "not found" : message) + "; " + BASE_URL_HINT;
        }
        return new BigMarkerApiException(operation, status, type, message, retryAfterMillis);
    }

    private static String textOf(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isValueNode() && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }

    private static boolean looksLikeHtml(String contentType, String text) {
        return (contentType != null && contentType.toLowerCase().contains("html"))
                || text.startsWith("<!") || text.regionMatches(true, 0, "<html", 0, 5);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}

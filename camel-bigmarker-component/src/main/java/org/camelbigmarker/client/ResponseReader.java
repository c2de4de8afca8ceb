package org.camelbigmarker.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
                            long retryAfterMillis, String dateHeader) {
        byte[] bytes = body == null ? new byte[0] : body;
        boolean success = status >= 200 && status < 300;
        if (looksLikeHtml(contentType, bytes)) {
            throw new BigMarkerApiException(operation, status, "unexpected_html",
                    "BigMarker answered with an HTML page instead of JSON; " + BASE_URL_HINT, retryAfterMillis);
        }
        if (!success) {
            String text = new String(bytes, StandardCharsets.UTF_8).trim();
            throw error(operation, status, parse(text), text, retryAfterMillis);
        }
        if (isBlank(bytes) && expected == BodyKind.JSON) {
            throw new BigMarkerApiException(operation, status, "empty_body",
                    "the answer has an empty body where JSON was expected", 0);
        }
        // parsed when first read: malformed JSON fails there, with the same malformed_json error
        return new ApiResponse(operation, status, bytes, dateHeader, mapper, expected == BodyKind.JSON_OR_TEXT);
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

    private static boolean looksLikeHtml(String contentType, byte[] body) {
        if (contentType != null && contentType.regionMatches(true, 0, "text/html", 0, 9)) {
            return true;
        }
        int first = firstNonBlank(body);
        return first >= 0 && body[first] == '<';
    }

    /** True when the body holds nothing but white space. */
    static boolean isBlank(byte[] body) {
        return firstNonBlank(body) < 0;
    }

    private static int firstNonBlank(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (!Character.isWhitespace(body[i])) {
                return i;
            }
        }
        return -1;
    }

    /** One line, at most 200 characters: enough to recognise an answer in a message. */
    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}

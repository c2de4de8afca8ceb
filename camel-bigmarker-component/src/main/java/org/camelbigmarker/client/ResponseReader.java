package org.camelbigmarker.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.camelbigmarker.operation.ResultSpec.BodyKind;

/**
 * Turns a raw answer into an {@link ApiResponse} or a {@link BigMarkerApiException} with a message a person can act
 * on. The message starts with the HTTP status; the hint to check the baseUrl is given only where a wrong base URL is
 * the likely cause (an HTML page with 2xx or 404), not for a gateway error or a 414.
 */
public final class ResponseReader {

    static final String BASE_URL_HINT = "check the baseUrl option (it ends in /api/v1, e.g. "
                                        + "https://www.bigmarker.com/api/v1 or https://NAME.bigmarker.com/api/v1)";
    /** Error bodies are read up to this many bytes: enough for any message, and a huge error page costs nothing. */
    static final int ERROR_BODY_LIMIT = 4096;
    private static final Pattern HTML_TITLE = Pattern.compile("<title[^>]*>([^<]{1,200})", Pattern.CASE_INSENSITIVE);

    private final ObjectMapper mapper;

    public ResponseReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /**
     * @param body             the body as read: a success's up to maxResponseSize, an error's up to
     *                         {@link #ERROR_BODY_LIMIT}
     * @param maxResponseSize  the limit a success's body was read with, for the message when it was longer
     */
    public ApiResponse read(String operation, BodyKind expected, int status, String contentType, BoundedBody body,
                            long retryAfterMillis, String dateHeader, int maxResponseSize) {
        byte[] bytes = body.bytes();
        boolean success = isSuccess(status);
        if (success && !body.complete()) {
            throw new BigMarkerApiException(operation, status, "answer_too_large",
                    "the answer is larger than maxResponseSize (" + maxResponseSize + " bytes); ask for smaller pages"
                                                                    + " (per_page) or raise maxResponseSize",
                    0);
        }
        if (looksLikeHtml(contentType, bytes)) {
            throw new BigMarkerApiException(operation, status, "unexpected_html", htmlMessage(status, bytes),
                    retryAfterMillis);
        }
        if (!success) {
            String text = new String(bytes, StandardCharsets.UTF_8).trim();
            throw error(operation, status, parse(text), text, retryAfterMillis);
        }
        if (isBlank(bytes) && expected == BodyKind.JSON) {
            throw new BigMarkerApiException(operation, status, BigMarkerApiException.EMPTY_BODY,
                    "the answer has an empty body where JSON was expected", 0);
        }
        // parsed when first read: malformed JSON fails there, with the same malformed_json error
        return new ApiResponse(operation, status, bytes, dateHeader, mapper, expected == BodyKind.JSON_OR_TEXT);
    }

    private static String htmlMessage(int status, byte[] bytes) {
        StringBuilder message = new StringBuilder("an HTML page instead of JSON");
        String reason = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
        if (reason != null && !isSuccess(status)) {
            message.append(" (").append(reason).append(')');
        }
        Matcher title = HTML_TITLE.matcher(new String(bytes, StandardCharsets.UTF_8));
        if (title.find() && !title.group(1).isBlank()) {
            message.append(", titled '").append(abbreviate(title.group(1).trim())).append('\'');
        }
        if (isSuccess(status) || status == 404) {
            message.append("; ").append(BASE_URL_HINT);
        }
        return message.toString();
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

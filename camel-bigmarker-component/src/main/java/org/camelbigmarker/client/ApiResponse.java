package org.camelbigmarker.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.utils.DateUtils;

/**
 * A successful answer: its status, its body, and BigMarker's clock when it answered (its Date header; null when
 * absent). Consumers take their cursors from that clock, never from the local one. The body is read as a JSON tree
 * only when someone asks for it: a typed single result binds straight from the bytes.
 */
public final class ApiResponse {

    private final String operation;
    private final int status;
    private final byte[] body;
    private final String dateHeader;
    private Instant serverTime;
    private final ObjectMapper mapper;
    private final boolean textAllowed;
    private JsonNode json;
    private boolean parsed;

    ApiResponse(String operation, int status, byte[] body, String dateHeader, ObjectMapper mapper,
                boolean textAllowed) {
        this.operation = operation;
        this.status = status;
        this.body = body;
        this.dateHeader = dateHeader;
        this.mapper = mapper;
        this.textAllowed = textAllowed;
    }

    public int status() {
        return status;
    }

    /** BigMarker's clock from the Date header, parsed on first use (only consumers need it). */
    public Instant serverTime() {
        if (serverTime == null && dateHeader != null) {
            serverTime = DateUtils.parseStandardDate(dateHeader);
        }
        return serverTime;
    }

    public boolean isEmpty() {
        return ResponseReader.isBlank(body);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8).trim();
    }

    /** The body as a JSON tree; null when empty, or when it is text and the operation allows text. */
    public JsonNode json() {
        if (!parsed) {
            parsed = true;
            if (!isEmpty()) {
                try {
                    json = mapper.readTree(body);
                } catch (IOException notJson) {
                    if (!textAllowed) {
                        throw malformed(notJson);
                    }
                }
            }
        }
        return json;
    }

    /** Binds the body to {@code type} without building a tree first. */
    public <T> T bind(Class<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (IOException notJson) {
            throw malformed(notJson);
        }
    }

    private BigMarkerApiException malformed(IOException cause) {
        return new BigMarkerApiException(operation, status, "malformed_json",
                "the answer is not valid JSON (" + ResponseReader.abbreviate(text()) + ")", 0);
    }
}

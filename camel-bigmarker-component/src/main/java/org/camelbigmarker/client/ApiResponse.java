package org.camelbigmarker.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hc.client5.http.utils.DateUtils;

/**
 * A successful answer: its status, its body, and BigMarker's clock when it answered (its Date header; null when
 * absent). Consumers take their cursors from that clock, never from the local one. The body is read as a JSON tree
 * only when someone asks for it, and a list answer is read item by item ({@link #readList}).
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

    /**
     * Reads a list answer item by item, converting each item as soon as it is parsed. The items are the envelope's
     * {@code itemsKey} array, a bare array, or the envelope's only array (the document shows all three); the
     * envelope's other values are kept only for paging. Anything else is an unexpected_shape error.
     */
    public <T> ListAnswer<T> readList(String itemsKey, Function<JsonNode, T> convert) {
        if (isEmpty()) {
            return new ListAnswer<>(PageInfo.of(null), List.of(), null);
        }
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken start = parser.nextToken();
            if (start == JsonToken.START_ARRAY) {
                return readItems(parser, convert, PageInfo.of(null));
            }
            if (start != JsonToken.START_OBJECT) {
                return new ListAnswer<>(PageInfo.of(null), List.of(), null);
            }
            ObjectNode envelope = mapper.createObjectNode();
            List<String> fieldNames = new ArrayList<>();
            List<JsonNode> otherArrays = new ArrayList<>();
            List<T> items = null;
            JsonNode firstItem = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                fieldNames.add(name);
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_ARRAY && name.equals(itemsKey) && items == null) {
                    ListAnswer<T> read = readItems(parser, convert, null);
                    items = read.items();
                    firstItem = read.firstItem();
                } else if (value == JsonToken.START_ARRAY) {
                    otherArrays.add(parser.readValueAsTree());
                } else if (value.isScalarValue()) {
                    envelope.set(name, parser.readValueAsTree());
                } else {
                    parser.skipChildren();
                }
            }
            PageInfo paging = PageInfo.of(envelope);
            if (items != null) {
                return new ListAnswer<>(paging, items, firstItem);
            }
            if (otherArrays.size() == 1) {
                List<T> converted = new ArrayList<>();
                otherArrays.get(0).forEach(item -> converted.add(convert.apply(item)));
                return new ListAnswer<>(paging, converted, otherArrays.get(0).isEmpty() ? null
                        : otherArrays.get(0).get(0));
            }
            if (fieldNames.isEmpty()) {
                return new ListAnswer<>(paging, List.of(), null);
            }
            throw new BigMarkerApiException(operation, status, "unexpected_shape",
                    "expected a list" + (itemsKey == null ? "" : " under '" + itemsKey + "'")
                                                                                   + " but the answer has fields "
                                                                                   + fieldNames,
                    0);
        } catch (IOException notJson) {
            throw malformed(notJson);
        }
    }

    /** Reads the array the parser stands at the start of, one item at a time. */
    private static <T> ListAnswer<T> readItems(JsonParser parser, Function<JsonNode, T> convert, PageInfo paging)
            throws IOException {
        List<T> items = new ArrayList<>();
        JsonNode first = null;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonNode item = parser.readValueAsTree();
            if (first == null) {
                first = item;
            }
            items.add(convert.apply(item));
        }
        return new ListAnswer<>(paging, items, first);
    }

    private BigMarkerApiException malformed(IOException cause) {
        return new BigMarkerApiException(operation, status, "malformed_json",
                "the answer is not valid JSON (" + ResponseReader.abbreviate(text()) + ")", 0);
    }
}

package org.camelbigmarker.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.OutputType;
import org.camelbigmarker.client.ApiResponse;
import org.camelbigmarker.client.BigMarkerApiException;
import org.camelbigmarker.operation.ResultSpec;

/** Turns a successful answer into what the route receives, following the operation's documented result shape. */
public final class ResultMapper {

    private final ObjectMapper mapper;

    public ResultMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body for a single (non-list) result. */
    public Object single(BigMarkerOperation operation, ApiResponse response, OutputType outputType) {
        JsonNode json = response.json();
        if (json == null) {
            return response.text().isEmpty() ? null : response.text();
        }
        ResultSpec result = operation.result();
        JsonNode node = json;
        if (result.unwrapKey() != null && json.path(result.unwrapKey()).isObject()) {
            node = json.get(result.unwrapKey());
        }
        return convert(node, result.itemType(), outputType);
    }

    /** The items of a list answer, from the documented envelope field, a bare array, or the envelope's only array. */
    public ArrayNode items(BigMarkerOperation operation, JsonNode json) {
        if (json == null) {
            return mapper.createArrayNode();
        }
        if (json.isArray()) {
            return (ArrayNode) json;
        }
        String key = operation.result().itemsKey();
        if (key != null && json.path(key).isArray()) {
            return (ArrayNode) json.get(key);
        }
        ArrayNode onlyArray = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext();) {
            JsonNode value = fields.next().getValue();
            if (value.isArray()) {
                if (onlyArray != null) {
                    onlyArray = null;
                    break;
                }
                onlyArray = (ArrayNode) value;
            }
        }
        if (onlyArray == null && !json.isEmpty()) {
            throw new BigMarkerApiException(operation.name(), 200, "unexpected_shape",
                    "expected a list" + (key == null ? "" : " under '" + key + "'") + " but the answer has fields "
                                                                                   + fieldNames(json),
                    0);
        }
        return onlyArray == null ? mapper.createArrayNode() : onlyArray;
    }

    /** Converts list items for the route: a List of models or Maps, or the ArrayNode itself. */
    public Object list(BigMarkerOperation operation, ArrayNode items, OutputType outputType) {
        if (outputType == OutputType.json) {
            return items;
        }
        List<Object> converted = new ArrayList<>(items.size());
        items.forEach(item -> converted.add(convert(item, operation.result().itemType(), outputType)));
        return converted;
    }

    private static boolean isModel(Class<?> type) {
        return type != Map.class && type != Object.class;
    }

    public Object convert(JsonNode node, Class<?> type, OutputType outputType) {
        if (outputType == OutputType.json) {
            return node;
        }
        boolean typed = outputType == OutputType.typed && isModel(type);
        Class<?> target = typed && node.isObject() ? type : Object.class;
        return mapper.convertValue(node, mapper.constructType(target));
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

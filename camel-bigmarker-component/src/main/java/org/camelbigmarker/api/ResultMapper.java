package org.camelbigmarker.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.OutputType;
import org.camelbigmarker.client.ApiResponse;
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

    /** How each item of the operation's list answers becomes what the route receives. */
    public Function<JsonNode, Object> itemConverter(BigMarkerOperation operation, OutputType outputType) {
        Class<?> itemType = operation.result().itemType();
        return item -> convert(item, itemType, outputType);
    }

    /** The body for a list page: a List of models or Maps, or, for outputType json, one ArrayNode. */
    public Object listBody(List<Object> items, OutputType outputType) {
        if (outputType != OutputType.json) {
            return items;
        }
        ArrayNode array = mapper.createArrayNode();
        items.forEach(item -> array.add((JsonNode) item));
        return array;
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
}

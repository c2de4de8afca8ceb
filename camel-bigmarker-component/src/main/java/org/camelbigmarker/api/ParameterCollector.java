package org.camelbigmarker.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.apache.camel.Message;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.operation.BodyEncoding;
import org.camelbigmarker.operation.InvalidParameterException;
import org.camelbigmarker.operation.ParameterSpec;

/**
 * Gathers an operation's parameters, by API name, from their four sources. Later sources win:
 * <ol>
 * <li>endpoint options: {@code param.*}, then {@code conferenceId} and {@code channelId};</li>
 * <li>the message body, for operations that send a body (a Map, a POJO, or JSON text);</li>
 * <li>the {@code CamelBigMarkerParameters} header (a Map);</li>
 * <li>the {@code CamelBigMarkerConferenceId} and {@code CamelBigMarkerChannelId} headers.</li>
 * </ol>
 * Null values count as absent.
 */
public final class ParameterCollector {

    private static final TypeReference<Map<String, Object>> MAP_OF_OBJECTS = new TypeReference<>() {
    };

    private ParameterCollector() {
    }

    /**
     * The parameters an endpoint's options give (its {@code param.*} map, conferenceId, channelId), for a consumer,
     * which has no message.
     */
    public static Map<String, Object> fromEndpoint(BigMarkerOperation operation, Map<String, Object> endpointParameters,
                                                   String conferenceId, String channelId) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        putAll(parameters, endpointParameters);
        putWellKnown(parameters, operation, "conference_id", conferenceId);
        putWellKnown(parameters, operation, "channel_id", channelId);
        return parameters;
    }

    /** The endpoint's parameters, then the body's, the parameters header's and the well-known headers'. */
    public static Map<String, Object> collect(BigMarkerOperation operation, Map<String, Object> endpointParameters,
                                              String conferenceId, String channelId, Message message) {
        Map<String, Object> parameters = fromEndpoint(operation, endpointParameters, conferenceId, channelId);
        if (operation.bodyEncoding() != BodyEncoding.NONE) {
            putAll(parameters, bodyAsParameters(message.getBody()));
        }
        Object headerParameters = message.getHeader(BigMarkerConstants.PARAMETERS);
        if (headerParameters != null && !(headerParameters instanceof Map<?, ?>)) {
            throw new InvalidParameterException(BigMarkerConstants.PARAMETERS, "must be a java.util.Map but is a "
                                                                               + headerParameters.getClass().getName());
        }
        putAll(parameters, (Map<?, ?>) headerParameters);
        putWellKnown(parameters, operation, "conference_id", message.getHeader(BigMarkerConstants.CONFERENCE_ID));
        putWellKnown(parameters, operation, "channel_id", message.getHeader(BigMarkerConstants.CHANNEL_ID));
        return parameters;
    }

    /** Fills the operation's parameter known by {@code alias} (conference_id fills register's id), if it has one. */
    private static void putWellKnown(Map<String, Object> parameters, BigMarkerOperation operation, String alias,
                                     Object value) {
        if (value == null) {
            return;
        }
        for (ParameterSpec spec : operation.parameters().values()) {
            if (spec.alias().equals(alias)) {
                parameters.put(spec.name(), value);
                return;
            }
        }
    }

    private static void putAll(Map<String, Object> target, Map<?, ?> source) {
        if (source != null) {
            source.forEach((name, value) -> {
                if (value != null) {
                    target.put(String.valueOf(name), value);
                }
            });
        }
    }

    private static Map<?, ?> bodyAsParameters(Object body) {
        if (body == null || body instanceof Map<?, ?>) {
            return (Map<?, ?>) body;
        }
        try {
            if (body instanceof CharSequence text) {
                return text.toString().isBlank() ? null : parseObject(text.toString());
            }
            if (body instanceof byte[] bytes) {
                return bytes.length == 0 ? null : JsonSupport.mapper().readValue(bytes, MAP_OF_OBJECTS);
            }
            if (body instanceof InputStream stream) {
                return JsonSupport.mapper().readValue(stream, MAP_OF_OBJECTS);
            }
        } catch (JsonProcessingException notAnObject) {
            throw new InvalidParameterException("body", "must be a JSON object (or a Map or POJO): "
                                                        + notAnObject.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new InvalidParameterException("body", "could not be read: " + unreadable.getMessage());
        }
        try { // a List, an array, a number... cannot be read as an object
            return JsonSupport.pojoMapper().convertValue(body, MAP_OF_OBJECTS);
        } catch (IllegalArgumentException notAnObject) {
            throw new InvalidParameterException("body", "must be a Map, a POJO or a JSON object holding the"
                                                        + " operation's parameters; a "
                                                        + body.getClass().getName() + " cannot be read as one");
        }
    }

    private static Map<String, Object> parseObject(String text) throws IOException {
        if (!text.trim().startsWith("{")) {
            throw new InvalidParameterException("body", "must be a JSON object (or a Map or POJO); text starting"
                                                        + " with '" + text.trim().charAt(0) + "' is not");
        }
        return JsonSupport.mapper().readValue(text, MAP_OF_OBJECTS);
    }
}

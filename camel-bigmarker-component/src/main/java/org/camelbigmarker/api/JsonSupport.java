package org.camelbigmarker.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/** The component's Jackson mappers; ObjectMapper is thread-safe once configured, so one of each is shared. */
public final class JsonSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Turns a user's POJO body into API parameters: camelCase properties become the API's snake_case names. */
    private static final ObjectMapper POJO_TO_PARAMETERS = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private JsonSupport() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectMapper pojoMapper() {
        return POJO_TO_PARAMETERS;
    }
}

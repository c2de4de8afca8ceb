package org.camelbigmarker.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Base of the typed models. The API grows and its documents disagree on field sets, so every field a model does not
 * declare is kept in {@link #getAdditionalProperties()} and written back out when the model is serialised: nothing the
 * server sent is lost.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = false)
public abstract class BigMarkerObject {

    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    @JsonAnySetter
    void putAdditionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }

    /** Fields the server sent that this model does not declare, by their API names. */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return Collections.unmodifiableMap(additionalProperties);
    }

    /** One undeclared field by its API name, or null. */
    public Object get(String apiName) {
        return additionalProperties.get(apiName);
    }
}

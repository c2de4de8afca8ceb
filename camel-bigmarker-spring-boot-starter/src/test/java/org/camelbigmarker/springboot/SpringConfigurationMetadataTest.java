package org.camelbigmarker.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * META-INF/spring-configuration-metadata.json (what IDEs complete {@code camel.component.bigmarker.*} from) is derived
 * from the component's Camel metadata: every component option with its type, description, default and allowed
 * values, plus the starter's own {@code enabled} and {@code customizer.enabled}. This test fails when the committed
 * file differs from what the component says; run it with -Dbigmarker.updateDocs=true to rewrite the file.
 */
class SpringConfigurationMetadataTest {

    private static final Path METADATA = Path.of("src", "main", "resources", "META-INF",
            "spring-configuration-metadata.json");
    private static final String PREFIX = BigMarkerComponentAutoConfiguration.PREFIX;
    private static final String SOURCE = BigMarkerComponentAutoConfiguration.class.getName();
    private static final Map<String, String> WRAPPERS = Map.of("int", "java.lang.Integer", "long", "java.lang.Long",
            "boolean", "java.lang.Boolean", "double", "java.lang.Double");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theCommittedMetadataMatchesTheComponent() throws IOException {
        String generated = JSON.writeValueAsString(generate()) + "\n";
        if (Boolean.getBoolean("bigmarker.updateDocs")) {
            Files.writeString(METADATA, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(METADATA, StandardCharsets.UTF_8))
                .as(METADATA + " is out of date: run mvn -pl camel-bigmarker-spring-boot-starter test"
                    + " -Dtest=SpringConfigurationMetadataTest -Dbigmarker.updateDocs=true")
                .isEqualTo(generated);
    }

    @Test
    void everyComponentOptionAndTheStarterSwitchesAreThere() throws IOException {
        JsonNode metadata = JSON.readTree(METADATA.toFile());
        JsonNode options = componentMetadata().path("componentProperties");
        assertThat(metadata.path("properties")).hasSize(options.size() + StarterProperty.values().length);
        options.fieldNames().forEachRemaining(option -> assertThat(metadata.path("properties").toString())
                .contains("\"" + PREFIX + "." + StringHelper.camelCaseToDash(option) + "\""));
        assertThat(metadata.path("properties").toString()).contains(PREFIX + ".enabled")
                .contains(PREFIX + ".customizer.enabled").contains(PREFIX + ".api-key")
                .contains(PREFIX + ".jdbc-consumer-store.enabled").contains(PREFIX + ".sandbox.enabled");
        assertThat(metadata.path("hints").toString()).contains(PREFIX + ".output-type").contains("\"typed\"");
    }

    static JsonNode componentMetadata() throws IOException {
        try (InputStream in = SpringConfigurationMetadataTest.class
                .getResourceAsStream("/META-INF/org/camelbigmarker/bigmarker.json")) {
            return JSON.readTree(in);
        }
    }

    private static ObjectNode generate() throws IOException {
        JsonNode component = componentMetadata();
        ObjectNode metadata = JSON.createObjectNode();
        metadata.putArray("groups").addObject().put("name", PREFIX).put("type", "org.camelbigmarker.BigMarkerComponent")
                .put("sourceType", SOURCE);
        ArrayNode properties = metadata.putArray("properties");
        ArrayNode hints = metadata.putArray("hints");
        for (StarterProperty starter : StarterProperty.values()) {
            ObjectNode property = property(properties, starter.property(), starter.type().getName(),
                    starter.description());
            if (starter.type() == Boolean.class) {
                property.put("defaultValue", Boolean.parseBoolean(starter.defaultValue()));
            } else {
                property.put("defaultValue", starter.defaultValue());
            }
        }
        component.path("componentProperties").fields().forEachRemaining(option -> {
            JsonNode spec = option.getValue();
            String name = PREFIX + "." + StringHelper.camelCaseToDash(option.getKey());
            String javaType = spec.path("javaType").asText();
            ObjectNode property = property(properties, name, WRAPPERS.getOrDefault(javaType, javaType),
                    spec.path("description").asText());
            if (spec.has("defaultValue")) {
                property.set("defaultValue", spec.get("defaultValue"));
            }
            if (spec.path("deprecated").asBoolean()) {
                property.put("deprecated", true);
            }
            if (spec.has("enum")) {
                ArrayNode values = hints.addObject().put("name", name).putArray("values");
                spec.get("enum").forEach(value -> values.addObject().put("value", value.asText()));
            }
        });
        return metadata;
    }


    private static ObjectNode property(ArrayNode properties, String name, String type, String description) {
        return properties.addObject().put("name", name).put("type", type).put("description", description)
                .put("sourceType", SOURCE);
    }
}

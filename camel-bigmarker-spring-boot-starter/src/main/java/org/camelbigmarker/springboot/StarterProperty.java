package org.camelbigmarker.springboot;

import org.apache.camel.util.StringHelper;
import org.camelbigmarker.state.JdbcConsumerStore;

/**
 * The starter's own properties under {@code camel.component.bigmarker.*}: switches of the starter, not options of the
 * component. The auto-configuration reads them and leaves them out of the component's options; the configuration
 * metadata IDEs complete from lists them (SpringConfigurationMetadataTest).
 */
public enum StarterProperty {

    ENABLED("enabled", Boolean.class, "true",
            "Whether to enable auto configuration of the bigmarker component. This is enabled by default."),
    CUSTOMIZER_ENABLED("customizer.enabled", Boolean.class, "true",
            "Whether the camel.component.bigmarker.* properties are applied to the component (your own"
            + " ComponentCustomizer beans are applied either way, after them). This is enabled by default."),
    JDBC_CONSUMER_STORE_ENABLED("jdbc-consumer-store.enabled", Boolean.class, "false",
            "Whether every bigmarker consumer that names no store keeps its state in a JdbcConsumerStore on the"
            + " application's DataSource (it creates its tables on first start)."),
    JDBC_CONSUMER_STORE_TABLE_PREFIX("jdbc-consumer-store.table-prefix", String.class,
            JdbcConsumerStore.DEFAULT_TABLE_PREFIX,
            "The prefix of the JdbcConsumerStore's tables (a plain SQL name)."),
    SANDBOX_ENABLED("sandbox.enabled", Boolean.class, "false",
            "For development and tests: start the embedded BigMarker sandbox (org.camelbigmarker:camel-bigmarker-sandbox"
            + " on the classpath) with its demo data and point the component at it, whatever the key and base URL"
            + " properties say.");

    private final String name;
    private final Class<?> type;
    private final String defaultValue;
    private final String description;

    StarterProperty(String name, Class<?> type, String defaultValue, String description) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The full property name, {@code camel.component.bigmarker.<name>}. */
    public String property() {
        return BigMarkerComponentAutoConfiguration.PREFIX + "." + name;
    }

    /** As the properties bind under the prefix: the first segment in camelCase (sandbox, jdbcConsumerStore...). */
    String boundName() {
        return StringHelper.dashToCamelCase(name.split("\\.")[0]);
    }

    public Class<?> type() {
        return type;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}

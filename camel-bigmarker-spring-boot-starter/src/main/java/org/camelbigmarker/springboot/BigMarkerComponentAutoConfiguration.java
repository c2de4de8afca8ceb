package org.camelbigmarker.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.state.JdbcConsumerStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Configures the {@code bigmarker} component from {@code camel.component.bigmarker.*} properties, the way Camel's own
 * starters do: a {@link ComponentCustomizer} that Camel applies to the component when it creates it (or finds a
 * BigMarkerComponent bean of yours). It runs first ({@link Ordered#HIGHEST}): your own ComponentCustomizer beans run
 * after it, so what they set wins over the properties.
 * <p>
 * The starter's own properties are in {@link StarterProperty}: turning it or its customizer off, a JdbcConsumerStore
 * on the application's DataSource for every consumer that names no store, and the embedded sandbox for development
 * ({@link SandboxConfiguration}).
 * <p>
 * Every option of the component is accepted, in Spring's relaxed forms (api-key, apiKey), through the Camel configurer
 * generated from the component's metadata, so this class never lists options and cannot drift from them; "#name"
 * refers to a bean. An unknown option fails the creation of the component (at start-up when a route uses it) with an
 * {@link UnknownOptionsException} naming the property as written and the option meant, which
 * {@link BigMarkerFailureAnalyzer} reports.
 */
@AutoConfiguration(afterName = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@ConditionalOnClass(CamelContext.class)
@ConditionalOnHierarchicalProperties({ "camel.component", BigMarkerComponentAutoConfiguration.PREFIX })
public class BigMarkerComponentAutoConfiguration {

    public static final String PREFIX = "camel.component.bigmarker";

    @Bean
    public ComponentCustomizer configureBigMarkerComponent(CamelContext camelContext, Environment environment,
                                                           ObjectProvider<JdbcConsumerStore> jdbcConsumerStore) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                BigMarkerComponent component = (BigMarkerComponent) target;
                bind(camelContext, environment, component);
                JdbcConsumerStore store = jdbcConsumerStore.getIfAvailable();
                if (store != null && component.getConfiguration().getConsumerStore() == null) {
                    component.getConfiguration().setConsumerStore(store);
                }
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof BigMarkerComponent
                       && HierarchicalPropertiesEvaluator.evaluate(environment, "camel.component.customizer",
                               PREFIX + ".customizer");
            }

            @Override
            public int getOrder() {
                return Ordered.HIGHEST; // before the application's own customizers, which win
            }
        };
    }

    /** The consumers' store on the application's DataSource, when asked for. */
    @Bean
    @ConditionalOnProperty(prefix = PREFIX, name = "jdbc-consumer-store.enabled", havingValue = "true")
    public JdbcConsumerStore bigmarkerJdbcConsumerStore(ObjectProvider<DataSource> dataSource,
                                                        Environment environment) {
        DataSource database = dataSource.getIfAvailable();
        if (database == null) {
            throw new IllegalStateException("The consumers' JdbcConsumerStore ("
                                            + StarterProperty.JDBC_CONSUMER_STORE_ENABLED.property() + "=true) needs"
                                            + " one DataSource bean (spring.datasource.* and a JDBC driver)");
        }
        return new JdbcConsumerStore(database, environment.getProperty(
                StarterProperty.JDBC_CONSUMER_STORE_TABLE_PREFIX.property(),
                StarterProperty.JDBC_CONSUMER_STORE_TABLE_PREFIX.defaultValue()));
    }

    private static void bind(CamelContext camelContext, Environment environment, BigMarkerComponent component) {
        Map<String, Object> options = new LinkedHashMap<>();
        Binder.get(environment).bind(PREFIX, Bindable.mapOf(String.class, Object.class)).orElse(Map.of())
                .forEach((name, value) -> options.put(StringHelper.dashToCamelCase(name), value));
        for (StarterProperty starterProperty : StarterProperty.values()) {
            options.remove(starterProperty.boundName());
        }
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(camelContext)
                .resolvePropertyConfigurer("bigmarker-component", camelContext);
        PropertyBindingSupport.build().withCamelContext(camelContext).withTarget(component).withConfigurer(configurer)
                .withProperties(options).withRemoveParameters(true).withIgnoreCase(true).withReflection(false)
                .bind();
        if (!options.isEmpty()) {
            throw new UnknownOptionsException(OptionNames.suggestions(options.keySet(), environment));
        }
    }
}

package org.camelbigmarker.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.camelbigmarker.BigMarkerComponent;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Configures the {@code bigmarker} component from {@code camel.component.bigmarker.*} properties, the way Camel's own
 * starters do: a {@link ComponentCustomizer} that Camel applies to the component when it creates it (or finds a
 * BigMarkerComponent bean of yours), beside any ComponentCustomizer beans of yours.
 * <ul>
 * <li>{@code camel.component.enabled} / {@code camel.component.bigmarker.enabled=false}: no auto-configuration.</li>
 * <li>{@code camel.component.customizer.enabled} / {@code camel.component.bigmarker.customizer.enabled=false}: the
 * properties are not applied (your own customizers still are).</li>
 * </ul>
 * Every option of the component is accepted, in Spring's relaxed forms (api-key, apiKey), through the Camel configurer
 * generated from the component's metadata, so this class never lists options and cannot drift from them; "#name"
 * refers to a bean. An unknown option fails the creation of the component (at start-up when a route uses it),
 * naming it. IDEs complete the options from
 * META-INF/spring-configuration-metadata.json, derived from the component's metadata (SpringConfigurationMetadataTest).
 */
@AutoConfiguration(afterName = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@ConditionalOnClass(CamelContext.class)
@ConditionalOnHierarchicalProperties({ "camel.component", BigMarkerComponentAutoConfiguration.PREFIX })
public class BigMarkerComponentAutoConfiguration {

    public static final String PREFIX = "camel.component.bigmarker";
    /** Properties of the starter itself, not options of the component. */
    private static final String[] STARTER_PROPERTIES = { "enabled", "customizer" };

    @Bean
    public ComponentCustomizer configureBigMarkerComponent(CamelContext camelContext, Environment environment) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                bind(camelContext, environment, (BigMarkerComponent) target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof BigMarkerComponent
                       && HierarchicalPropertiesEvaluator.evaluate(environment, "camel.component.customizer",
                               PREFIX + ".customizer");
            }
        };
    }

    private static void bind(CamelContext camelContext, Environment environment, BigMarkerComponent component) {
        Map<String, Object> options = new LinkedHashMap<>();
        Binder.get(environment).bind(PREFIX, Bindable.mapOf(String.class, Object.class)).orElse(Map.of())
                .forEach((name, value) -> options.put(StringHelper.dashToCamelCase(name), value));
        for (String starterProperty : STARTER_PROPERTIES) {
            options.remove(starterProperty);
        }
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(camelContext)
                .resolvePropertyConfigurer("bigmarker-component", camelContext);
        PropertyBindingSupport.build().withCamelContext(camelContext).withTarget(component).withConfigurer(configurer)
                .withProperties(options).withRemoveParameters(true).withIgnoreCase(true).withReflection(false)
                .bind();
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("Unknown " + PREFIX + " options: " + options.keySet()
                                               + " (see the component reference for the options)");
        }
    }
}

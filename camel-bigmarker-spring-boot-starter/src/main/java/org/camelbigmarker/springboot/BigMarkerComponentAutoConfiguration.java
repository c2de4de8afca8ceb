package org.camelbigmarker.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.camelbigmarker.BigMarkerComponent;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Creates the {@code bigmarker} component from {@code camel.component.bigmarker.*} properties, which Spring Boot does
 * not bind for a component without a starter. Every option of the component is accepted, in Spring's relaxed forms
 * (api-key, apiKey), through the Camel configurer generated from the component's metadata, so this class never
 * lists options and cannot drift from them; "#name" refers to a bean. An unknown option fails start-up, naming it.
 * {@code camel.component.bigmarker.enabled=false} turns it off; a BigMarkerComponent bean of your own wins.
 */
@AutoConfiguration(afterName = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@ConditionalOnClass(CamelContext.class)
@ConditionalOnProperty(prefix = BigMarkerComponentAutoConfiguration.PREFIX, name = "enabled", matchIfMissing = true)
public class BigMarkerComponentAutoConfiguration {

    public static final String PREFIX = "camel.component.bigmarker";

    @Bean(name = "bigmarker")
    @ConditionalOnMissingBean(BigMarkerComponent.class)
    public BigMarkerComponent bigmarker(CamelContext camelContext, Environment environment) {
        Map<String, Object> options = new LinkedHashMap<>();
        Binder.get(environment).bind(PREFIX, Bindable.mapOf(String.class, Object.class)).orElse(Map.of())
                .forEach((name, value) -> options.put(StringHelper.dashToCamelCase(name), value));
        options.remove("enabled");
        BigMarkerComponent component = new BigMarkerComponent();
        component.setCamelContext(camelContext);
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(camelContext)
                .resolvePropertyConfigurer("bigmarker-component", camelContext);
        PropertyBindingSupport.build().withCamelContext(camelContext).withTarget(component).withConfigurer(configurer)
                .withProperties(options).withRemoveParameters(true).withIgnoreCase(true).withReflection(false)
                .bind();
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("Unknown " + PREFIX + " options: " + options.keySet()
                                               + " (see the component reference for the options)");
        }
        return component;
    }
}

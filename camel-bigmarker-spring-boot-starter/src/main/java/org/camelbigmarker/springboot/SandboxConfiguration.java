package org.camelbigmarker.springboot;

import org.apache.camel.Component;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * For development and tests ({@code camel.component.bigmarker.sandbox.enabled=true}, with
 * org.camelbigmarker:camel-bigmarker-sandbox on the classpath): starts the embedded BigMarker sandbox with its demo
 * data on a free loopback port, stops it with the application, and points the component at it, after the properties
 * and before your own customizers.
 */
@AutoConfiguration(after = BigMarkerComponentAutoConfiguration.class)
@ConditionalOnClass(name = "org.camelbigmarker.sandbox.BigMarkerSandbox")
@ConditionalOnProperty(prefix = BigMarkerComponentAutoConfiguration.PREFIX, name = "sandbox.enabled",
                       havingValue = "true")
public class SandboxConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean(destroyMethod = "close")
    public BigMarkerSandbox bigmarkerSandbox() throws java.io.IOException {
        BigMarkerSandbox sandbox = BigMarkerSandbox.start().seedDemoData();
        LOG.info("BigMarker sandbox started at {} for this application ({}=true): the bigmarker component talks to"
                 + " it, not to BigMarker", sandbox.baseUrl(), StarterProperty.SANDBOX_ENABLED.property());
        return sandbox;
    }

    @Bean
    public ComponentCustomizer pointBigMarkerAtTheSandbox(BigMarkerSandbox sandbox) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                BigMarkerComponent component = (BigMarkerComponent) target;
                component.getConfiguration().setBaseUrl(sandbox.baseUrl());
                component.getConfiguration().setApiKey(sandbox.apiKey());
                component.getConfiguration().setAllowPlainHttp(true);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof BigMarkerComponent;
            }

            @Override
            public int getOrder() {
                return Ordered.HIGHEST + 1; // after the properties, before the application's own customizers
            }
        };
    }
}

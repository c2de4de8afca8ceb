package org.camelbigmarker.metrics;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the application's Micrometer registry, when Micrometer is on the classpath and the Camel registry holds one
 * (Spring Boot's actuator registry, or one a camel-main application binds), and publishes the component's meters in
 * it. Without Micrometer the meters are still kept, for JMX and the dev console.
 */
public final class MeterRegistries {

    private static final Logger LOG = LoggerFactory.getLogger(MeterRegistries.class);
    private static final String REGISTRY_TYPE = "io.micrometer.core.instrument.MeterRegistry";

    private MeterRegistries() {
    }

    /** Publishes {@code board} in the application's registry; returns how to stop publishing (a no-op without one). */
    public static Runnable bind(CamelContext camel, MeterBoard board) {
        Class<?> registryType;
        try {
            registryType = Class.forName(REGISTRY_TYPE, false, MeterRegistries.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError noMicrometer) {
            return () -> {
            };
        }
        Object registry = find(camel, registryType);
        if (registry == null) {
            LOG.debug("No Micrometer MeterRegistry in the Camel registry: BigMarker meters are on JMX only");
            return () -> {
            };
        }
        MicrometerBinding binding = new MicrometerBinding((io.micrometer.core.instrument.MeterRegistry) registry);
        board.watch(binding);
        LOG.debug("BigMarker meters published in {}", registry.getClass().getSimpleName());
        return () -> board.unwatch(binding);
    }

    /** The one registry; of several, a composite one (Spring Boot's, with several backends), else none is guessed. */
    private static Object find(CamelContext camel, Class<?> registryType) {
        Set<?> found = camel.getRegistry().findByType(registryType);
        if (found.size() == 1) {
            return found.iterator().next();
        }
        return found.stream().filter(one -> one.getClass().getSimpleName().equals("CompositeMeterRegistry"))
                .findFirst().orElse(null);
    }
}

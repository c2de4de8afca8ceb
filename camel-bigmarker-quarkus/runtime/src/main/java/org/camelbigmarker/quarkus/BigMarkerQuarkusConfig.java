package org.camelbigmarker.quarkus;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.camelbigmarker.state.JdbcConsumerStore;

/**
 * The extension's own switches, under {@code quarkus.camel.bigmarker.*}. The component's options stay where Camel
 * users expect them, {@code camel.component.bigmarker.*}, bound by Camel Quarkus as by any Camel runtime.
 */
@ConfigMapping(prefix = "quarkus.camel.bigmarker")
@ConfigRoot(phase = ConfigPhase.BUILD_AND_RUN_TIME_FIXED)
public interface BigMarkerQuarkusConfig {

    /** The embedded BigMarker sandbox as a Dev Service. */
    DevServices devservices();

    /** The consumers' store on the application's datasource. */
    JdbcConsumerStoreConfig jdbcConsumerStore();

    interface DevServices {
        /**
         * Whether dev and test mode start the embedded BigMarker sandbox (when
         * org.camelbigmarker:camel-bigmarker-sandbox is on the classpath and none of
         * camel.component.bigmarker.api-key, email, password or base-url is set) and point the component at it.
         */
        @WithDefault("true")
        boolean enabled();
    }

    interface JdbcConsumerStoreConfig {
        /**
         * Whether every BigMarker consumer that names no store keeps its state in a JdbcConsumerStore on the default
         * datasource (quarkus-agroal and a JDBC driver); it creates its tables on first start.
         */
        @WithDefault("false")
        boolean enabled();

        /** The prefix of the JdbcConsumerStore's tables (a plain SQL name). */
        @WithDefault(JdbcConsumerStore.DEFAULT_TABLE_PREFIX)
        String tablePrefix();
    }
}

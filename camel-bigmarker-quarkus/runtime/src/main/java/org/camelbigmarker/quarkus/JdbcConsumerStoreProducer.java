package org.camelbigmarker.quarkus;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.apache.camel.Component;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.camelbigmarker.BigMarkerComponent;
import org.camelbigmarker.state.JdbcConsumerStore;

/**
 * With {@code quarkus.camel.bigmarker.jdbc-consumer-store.enabled=true} (the build step adds this bean only then):
 * a {@link JdbcConsumerStore} on the application's default datasource, used by every BigMarker consumer that names
 * no store of its own, as the Spring Boot starter does with its DataSource.
 */
public class JdbcConsumerStoreProducer {

    /** The bean's name, for an endpoint that wants to name it: consumerStore=#bigmarkerJdbcConsumerStore. */
    public static final String BEAN_NAME = "bigmarkerJdbcConsumerStore";

    @Produces
    @Singleton
    @Named(BEAN_NAME)
    JdbcConsumerStore bigmarkerJdbcConsumerStore(DataSource dataSource, BigMarkerQuarkusConfig config) {
        return new JdbcConsumerStore(dataSource, config.jdbcConsumerStore().tablePrefix());
    }

    @Produces
    @Singleton
    ComponentCustomizer useTheJdbcConsumerStoreByDefault(JdbcConsumerStore store) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                BigMarkerComponent component = (BigMarkerComponent) target;
                if (component.getConfiguration().getConsumerStore() == null) {
                    component.getConfiguration().setConsumerStore(store);
                }
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof BigMarkerComponent;
            }

            @Override
            public int getOrder() {
                return Ordered.HIGHEST; // a store the application sets itself, later, wins
            }
        };
    }
}

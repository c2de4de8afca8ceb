package org.camelbigmarker.consumer;

import java.util.HashMap;

import org.apache.camel.Route;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.state.CamelRepositoriesStore;
import org.camelbigmarker.state.ConsumerStore;
import org.camelbigmarker.state.MemoryConsumerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which consumer store an endpoint's options give, and whether the consumer owns (starts and stops) it. */
final class StoreSelection {

    private static final Logger LOG = LoggerFactory.getLogger(StoreSelection.class);

    private StoreSelection() {
    }

    /**
     * The consumerStore option; else Camel repositories given as idempotentRepository and stateRepository (a memory
     * one for the other); else memory. Not Camel's default memory repository: its LRU keeps 1000 keys, and a poll
     * that must read a large list again would deliver the forgotten ones twice.
     */
    static ConsumerStore of(BigMarkerConfiguration configuration) {
        if (configuration.getConsumerStore() != null) {
            return configuration.getConsumerStore();
        }
        IdempotentRepository keys = configuration.getIdempotentRepository();
        StateRepository<String, String> state = configuration.getStateRepository();
        if (keys == null && state == null) {
            return new MemoryConsumerStore();
        }
        keys = keys != null ? keys : new MemoryIdempotentRepository(new HashMap<>());
        state = state != null ? state : new MemoryStateRepository();
        return new CamelRepositoriesStore(keys, state); // started and stopped with the consumer, its repositories too
    }

    /** A store the user gave is the user's to stop; one made here is the consumer's. */
    static boolean ownedByTheConsumer(BigMarkerConfiguration configuration) {
        return configuration.getConsumerStore() == null;
    }

    /**
     * Under a cluster route policy several nodes run this consumer, one at a time, on what should be one shared store.
     * A store that keeps a copy in memory or rewrites documents whole (memory, Camel's repositories) cannot be shared:
     * a node that leads again would work from, or write back, what it had.
     */
    static void warnIfSharedUnsafely(Route route, ConsumerStore store) {
        boolean clustered = route != null && route.getRoutePolicyList().stream()
                .anyMatch(policy -> policy.getClass().getSimpleName().contains("Cluster"));
        if (clustered && !store.shareable()) {
            LOG.warn("The BigMarker consumer of route {} runs under a cluster policy with a {}, which nodes cannot"
                     + " share safely: give every node a JdbcConsumerStore on one database (consumerStore option),"
                     + " see docs/consumers.md", route.getRouteId(), store.getClass().getSimpleName());
        }
    }
}

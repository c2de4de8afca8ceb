package org.camelbigmarker.consumer;

import java.util.HashMap;

import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.state.CamelRepositoriesStore;
import org.camelbigmarker.state.MemoryConsumerStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which store an endpoint's options give, and whose it is to stop. */
class StoreSelectionTest {

    private final BigMarkerConfiguration options = new BigMarkerConfiguration();

    @Test
    void theConsumerStoreOptionWinsAndIsTheUsersToStop() {
        MemoryConsumerStore given = new MemoryConsumerStore();
        options.setConsumerStore(given);
        options.setIdempotentRepository(new MemoryIdempotentRepository(new HashMap<>()));
        assertThat(StoreSelection.of(options)).isSameAs(given);
        assertThat(StoreSelection.ownedByTheConsumer(options)).isFalse();
    }

    @Test
    void camelRepositoriesMakeAStoreTheConsumerOwns() {
        options.setIdempotentRepository(new MemoryIdempotentRepository(new HashMap<>()));
        assertThat(StoreSelection.of(options)).isInstanceOf(CamelRepositoriesStore.class);
        assertThat(StoreSelection.ownedByTheConsumer(options)).isTrue();
    }

    @Test
    void withoutOptionsAMemoryStoreThatForgetsNothing() {
        assertThat(StoreSelection.of(options)).isInstanceOf(MemoryConsumerStore.class);
    }
}

package org.camelbigmarker.state;

import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every consumer store promises, for the stores that live in one JVM (the memory store, Camel's repositories);
 * JdbcConsumerStoreTest holds a JdbcConsumerStore to the same on PostgreSQL and H2.
 */
class ConsumerStoreContractTest {

    static Stream<Arguments> stores() {
        Supplier<ConsumerStore> memory = MemoryConsumerStore::new;
        Supplier<ConsumerStore> repositories = () -> new CamelRepositoriesStore(
                new MemoryIdempotentRepository(new HashMap<>()), new MemoryStateRepository());
        return Stream.of(Arguments.of("memory", memory), Arguments.of("camel repositories", repositories));
    }

    private static ConsumerStore started(Supplier<ConsumerStore> made) {
        ConsumerStore store = made.get();
        ServiceHelper.startService(store);
        return store;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void deliveredKeysAreRecordedOnceAndFound(String name, Supplier<ConsumerStore> made) {
        ConsumerStore store = started(made);
        store.markDelivered(List.of("a", "b"), 100);
        store.markDelivered(List.of("b"), 200);
        assertThat(store.deliveredAmong(List.of("a", "b", "c"))).containsExactlyInAnyOrder("a", "b");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aDeliveredKeyIsNeverClaimed(String name, Supplier<ConsumerStore> made) {
        ConsumerStore store = started(made);
        store.markDelivered(List.of("done"), 1);
        assertThat(store.claim(List.of("done", "new"), "owner", 0, 1000)).containsExactly("new");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void valuesAreFoundByTheirNamesPrefix(String name, Supplier<ConsumerStore> made) {
        ConsumerStore store = started(made);
        store.setValue("bigmarker-tracked:s#c1", "1");
        store.setValue("bigmarker-tracked:s#c2", "2");
        store.setValue("bigmarker-tracked:t#c3", "3");
        assertThat(store.values("bigmarker-tracked:s#")).containsOnlyKeys("bigmarker-tracked:s#c1",
                "bigmarker-tracked:s#c2");
        store.removeValue("bigmarker-tracked:s#c1");
        assertThat(store.value("bigmarker-tracked:s#c1")).isNull();
        assertThat(store.values("bigmarker-tracked:s#")).containsOnlyKeys("bigmarker-tracked:s#c2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aCursorOnlyMovesForward(String name, Supplier<ConsumerStore> made) {
        ConsumerStore store = started(made);
        assertThat(store.advance("cursor", 100)).isTrue();
        assertThat(store.advance("cursor", 50)).isFalse();
        assertThat(store.value("cursor")).isEqualTo("100");
        store.setValue("cursor", "scanned");
        assertThat(store.advance("cursor", 10)).as("text is replaced").isTrue();
    }
}

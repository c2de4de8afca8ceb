package org.camelbigmarker.consumer;

import org.camelbigmarker.testing.ConsumerHarness;
import org.camelbigmarker.testing.ConsumerTestSupport;
import java.util.List;

import javax.sql.DataSource;

import org.camelbigmarker.state.JdbcConsumerStore;
import org.camelbigmarker.state.MemoryConsumerStore;
import org.camelbigmarker.state.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer on its stores: the JDBC store on a real PostgreSQL and on H2 across a restart, and the memory store
 * forgetting the keys no read can return again.
 */
class ConsumerStoreTest extends ConsumerTestSupport {

    private static int tables;

    static DataSource dataSource(String database) {
        return TestDatabases.of(database);
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "h2" })
    void aRestartOnTheSameJdbcStoreDeliversOnlyWhatIsNew(String database) throws Exception {
        JdbcConsumerStore store = new JdbcConsumerStore(dataSource(database), "CS" + (++tables));
        store.start();
        String uri = "registrations?operation=listRegistrations&conferenceId=c1&consumerStore=#store";
        server.register("c1", "ann@example.com", "Ann", "A", java.util.Map.of());
        server.register("c1", "bob@example.com", "Bob", "B", java.util.Map.of());
        ConsumerHarness first = harness(uri, "store", store);
        first.poll();
        first.poll();
        first.close();

        server.register("c1", "cy@example.com", "Cy", "C", java.util.Map.of());
        ConsumerHarness second = harness(uri, "store", store);
        second.poll();
        second.poll();

        assertThat(first.emails()).containsExactlyInAnyOrder("ann@example.com", "bob@example.com");
        assertThat(second.emails()).containsExactly("cy@example.com");
    }

    @Test
    void theMemoryStoreForgetsKeysNoReadCanReturnAfterAReconciliation() throws Exception {
        MemoryConsumerStore store = new MemoryConsumerStore();
        server.register("c1", "ann@example.com", "Ann", "A", java.util.Map.of());
        server.register("c1", "bob@example.com", "Bob", "B", java.util.Map.of());
        // the first poll happens 3.2 s before the one that reconciles, for both clocks: BigMarker's (the sandbox's Date
        // header) is the real one, so the local clock starts that far back, and the sandbox's data is aged below
        localClock.set(java.time.Instant.now().minusMillis(3200));
        ConsumerHarness consumer = drivenHarness("registrations?operation=listRegistrations&conferenceId=c1"
                                                 + "&consumerStore=#store&overlap=0&reconcileInterval=1"
                                                 + "&reconcileHorizon=1", "store", store);
        consumer.poll();
        assertThat(store.deliveredCount()).isEqualTo(2);
        server.advance(4);
        localClock.advance(java.time.Duration.ofMillis(3200)); // past the horizon and its margin
        consumer.poll(); // reconciles, then forgets what no read reaches
        assertThat(store.deliveredCount()).as("keys kept after the reconciliation").isZero();
        consumer.poll();
        assertThat(consumer.emails()).as("nothing delivered twice").containsExactlyInAnyOrder("ann@example.com",
                "bob@example.com");
    }

    @Test
    void aStoreWrittenWithAnotherStateFormatIsRefusedAtStart() {
        MemoryConsumerStore store = new MemoryConsumerStore();
        store.setValue("bigmarker-state-format", "0");
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> harness(
                "registrations?operation=listRegistrations&conferenceId=c1&consumerStore=#store", "store", store));
        assertThat(refused).hasStackTraceContaining("written with state format 0");
    }

    /**
     * Split brain: two consumers that both believe they lead poll the same list at once, each with its own store
     * object on one database. The store's claims, not leadership, keep every item to one delivery.
     */
    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "h2" })
    void twoConsumersPollingTheSameListAtOnceDeliverEachItemOnce(String database) throws Exception {
        DataSource shared = dataSource(database);
        String tables = "SPLIT" + (++ConsumerStoreTest.tables);
        List<String> expected = new java.util.ArrayList<>(server.register("c1", 120));
        String uri = "registrations?operation=listRegistrations&conferenceId=c1&param.per_page=10"
                     + "&consumerStore=#store";
        JdbcConsumerStore storeA = new JdbcConsumerStore(shared, tables);
        JdbcConsumerStore storeB = new JdbcConsumerStore(shared, tables);
        storeA.start();
        storeB.start();
        ConsumerHarness nodeA = harness(uri, "store", storeA);
        ConsumerHarness nodeB = harness(uri, "store", storeB);
        nodeA.slowDown(2, new java.util.concurrent.CountDownLatch(0)); // the two polls overlap
        nodeB.slowDown(2, new java.util.concurrent.CountDownLatch(0));

        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        for (int round = 0; round < 4; round++) {
            if (round == 2) {
                expected.addAll(server.register("c1", 30));
            }
            java.util.concurrent.Future<?> a = both.submit(nodeA::poll);
            java.util.concurrent.Future<?> b = both.submit(nodeB::poll);
            a.get();
            b.get();
        }
        both.shutdown();

        List<String> all = new java.util.ArrayList<>(nodeA.emails());
        all.addAll(nodeB.emails());
        assertThat(all).as("delivered by either node").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anItemWhoseDeliveryFailedOnOneNodeIsFreeForTheOtherAtOnce() throws Exception {
        DataSource shared = dataSource("h2");
        server.register("c1", "flaky@example.com", "Flaky", "F", java.util.Map.of());
        String uri = "registrations?operation=listRegistrations&conferenceId=c1&consumerStore=#store";
        JdbcConsumerStore storeA = new JdbcConsumerStore(shared);
        JdbcConsumerStore storeB = new JdbcConsumerStore(shared);
        storeA.start();
        storeB.start();
        ConsumerHarness nodeA = harness(uri, "store", storeA);
        ConsumerHarness nodeB = harness(uri, "store", storeB);
        nodeA.failOnceFor("flaky@example.com");

        nodeA.poll(); // its route fails: the claim is released
        nodeB.poll();

        assertThat(nodeA.emails()).isEmpty();
        assertThat(nodeB.emails()).as("not held for the claim timeout").containsExactly("flaky@example.com");
    }

    @Test
    void aCursorAnotherNodeMovedFurtherIsNotMovedBack() throws Exception {
        MemoryConsumerStore store = new MemoryConsumerStore();
        server.register("c1", "ann@example.com", "Ann", "A", java.util.Map.of());
        ConsumerHarness consumer = harness("registrations?operation=listRegistrations&conferenceId=c1"
                                           + "&consumerStore=#store", "store", store);
        consumer.poll();
        String cursor = store.values("bigmarker-cursor:").keySet().iterator().next();
        long further = Long.parseLong(store.value(cursor)) + 100_000; // a node that read later wrote this
        store.setValue(cursor, String.valueOf(further));

        consumer.poll(); // a read that started earlier completes

        assertThat(store.value(cursor)).isEqualTo(String.valueOf(further));
    }
}

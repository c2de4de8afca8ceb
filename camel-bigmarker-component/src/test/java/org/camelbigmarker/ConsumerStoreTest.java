package org.camelbigmarker;

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
        ConsumerHarness consumer = harness("registrations?operation=listRegistrations&conferenceId=c1"
                                           + "&consumerStore=#store&overlap=0&reconcileInterval=1"
                                           + "&reconcileHorizon=1", "store", store);
        consumer.poll();
        assertThat(store.deliveredCount()).isEqualTo(2);
        Thread.sleep(3200); // past the horizon and its margin
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
}

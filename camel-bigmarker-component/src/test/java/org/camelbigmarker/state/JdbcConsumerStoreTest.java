package org.camelbigmarker.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JDBC store's contract on a real PostgreSQL (embedded, version 14) and on H2: page look-ups, idempotent
 * confirmation, forgetting by prefix and age (with SQL wildcards in keys), values by prefix, and two nodes confirming
 * overlapping pages at once.
 */
class JdbcConsumerStoreTest {

    private static int tables;

    static DataSource dataSource(String database) {
        return TestDatabases.of(database);
    }

    private static JdbcConsumerStore started(String database) throws Exception {
        JdbcConsumerStore store = new JdbcConsumerStore(dataSource(database), "T" + (++tables));
        store.start();
        return store;
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "h2" })
    void keysAreLookedUpAndConfirmedAPageAtATime(String database) throws Exception {
        JdbcConsumerStore store = started(database);
        List<String> page = IntStream.range(0, 1200).mapToObj(i -> "bigmarker:scope:email=p" + i).toList();
        assertThat(store.deliveredAmong(page)).isEmpty();

        store.markDelivered(page.subList(0, 700), 100);
        store.markDelivered(page.subList(600, 800), 200); // overlapping: the keys already there stay

        Set<String> found = store.deliveredAmong(page);
        assertThat(found).hasSize(800).contains("bigmarker:scope:email=p0", "bigmarker:scope:email=p799")
                .doesNotContain("bigmarker:scope:email=p800");
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "h2" })
    void keysAreForgottenByPrefixAndAgeOnly(String database) throws Exception {
        JdbcConsumerStore store = started(database);
        store.markDelivered(List.of("bigmarker:a_b:old", "bigmarker:a_b:new"), 0);
        store.markDelivered(List.of("bigmarker:axb:old"), 0); // '_' in the prefix must not match 'x'
        store.markDelivered(List.of("bigmarker:a_b:newer"), 500);

        int forgotten = store.forgetDelivered("bigmarker:a_b:", 100);

        assertThat(forgotten).isEqualTo(2);
        assertThat(store.deliveredAmong(List.of("bigmarker:a_b:old", "bigmarker:a_b:new", "bigmarker:axb:old",
                "bigmarker:a_b:newer"))).containsExactlyInAnyOrder("bigmarker:axb:old", "bigmarker:a_b:newer");
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "h2" })
    void valuesAreEntriesOfTheirOwn(String database) throws Exception {
        JdbcConsumerStore store = started(database);
        store.setValue("bigmarker-cursor:s1", "100");
        store.setValue("bigmarker-cursor:s1", "200");
        store.setValue("bigmarker-tracked:s1#c1", "10");
        store.setValue("bigmarker-tracked:s1#c2", "20");
        store.setValue("bigmarker-tracked:s2#c3", "30");
        store.removeValue("bigmarker-tracked:s1#c1");

        assertThat(store.value("bigmarker-cursor:s1")).isEqualTo("200");
        assertThat(store.value("missing")).isNull();
        assertThat(store.values("bigmarker-tracked:s1#")).isEqualTo(Map.of("bigmarker-tracked:s1#c2", "20"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "h2" })
    void twoNodesConfirmingOverlappingPagesAtOnceBothSucceed(String database) throws Exception {
        DataSource shared = dataSource(database);
        JdbcConsumerStore first = new JdbcConsumerStore(shared, "SHARED" + (++tables));
        JdbcConsumerStore second = new JdbcConsumerStore(shared, "SHARED" + tables);
        first.start();
        second.start();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Future<?>> writes = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            List<String> page = IntStream.range(round * 50, round * 50 + 100).mapToObj(i -> "k" + i).toList();
            for (JdbcConsumerStore node : List.of(first, second)) {
                writes.add(nodes.submit((Callable<Void>) () -> {
                    node.markDelivered(page, 1);
                    return null;
                }));
            }
        }
        for (Future<?> write : writes) {
            write.get();
        }
        nodes.shutdown();
        List<String> all = IntStream.range(0, 1050).mapToObj(i -> "k" + i).toList();
        assertThat(first.deliveredAmong(all)).hasSize(1050);
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "h2" })
    void aKeyIsClaimedByOneDeliveryUntilItIsDeliveredReleasedOrItsClaimEnds(String database) throws Exception {
        JdbcConsumerStore store = started(database);
        long now = 1_000_000;
        long later = now + 600_000;

        assertThat(store.claim(List.of("k1", "k2"), "delivery-a", now, later)).containsExactlyInAnyOrder("k1", "k2");
        assertThat(store.claim(List.of("k1", "k3"), "delivery-b", now, later)).as("k1 is delivery-a's")
                .containsExactly("k3");
        assertThat(store.claim(List.of("k1"), "delivery-a2", now, later))
                .as("held is held: another delivery of the same node does not get it").isEmpty();

        store.release(List.of("k1"), "delivery-a"); // its exchange failed
        assertThat(store.claim(List.of("k1"), "delivery-b", now, later)).containsExactly("k1");

        store.markDelivered(List.of("k2"), 1);
        assertThat(store.claim(List.of("k2"), "delivery-b", now, later)).as("delivered: nobody claims it").isEmpty();

        store.claim(List.of("k4"), "delivery-a", now, now + 10); // a claim that ends (delivery-a's node died)
        assertThat(store.claim(List.of("k4"), "delivery-b", now + 5, later)).as("not ended yet").isEmpty();
        assertThat(store.claim(List.of("k4"), "delivery-b", now + 11, later)).containsExactly("k4");
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "h2" })
    void aRenewedClaimOutlivesItsFirstEndAndALostOneIsNotRenewed(String database) throws Exception {
        JdbcConsumerStore store = started(database);
        long now = 1_000_000;
        store.claim(List.of("k1", "k2"), "delivery-a", now, now + 1000);
        assertThat(store.renew(List.of("k1"), "delivery-a", now + 5000)).containsExactly("k1");
        store.release(List.of("k2"), "delivery-a");
        assertThat(store.claim(List.of("k2"), "delivery-b", now + 10, now + 5000)).containsExactly("k2");

        assertThat(store.claim(List.of("k1"), "delivery-b", now + 2000, now + 9000)).as("renewed: still held")
                .isEmpty();
        assertThat(store.renew(List.of("k1", "k2"), "delivery-a", now + 9000)).as("k2 was taken over")
                .containsExactly("k1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "h2" })
    void tablesOfAnotherLayoutAreRefusedAtStartNamingTheTableAndWhatDiffers(String database) throws Exception {
        DataSource shared = dataSource(database);
        String older = "OLDER" + (++tables);
        String foreign = "FOREIGN" + tables;
        try (java.sql.Connection connection = shared.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            // an older claims table without the UNTIL column; a delivered table with a NOT NULL column of its own
            statement.execute("CREATE TABLE " + older + "_CLAIMS (DELIVERY_KEY VARCHAR(512) PRIMARY KEY,"
                              + " NODE VARCHAR(200) NOT NULL)");
            statement.execute("CREATE TABLE " + foreign + "_DELIVERED (DELIVERY_KEY VARCHAR(512) PRIMARY KEY,"
                              + " STAMP BIGINT NOT NULL, TENANT VARCHAR(20) NOT NULL)");
            statement.execute("INSERT INTO " + foreign + "_DELIVERED VALUES ('kept', 1, 't')");
        }
        assertThatThrownBy(() -> new JdbcConsumerStore(shared, older).start())
                .hasMessageContaining(older + "_CLAIMS: column UNTIL is missing");
        assertThatThrownBy(() -> new JdbcConsumerStore(shared, foreign).start())
                .hasMessageContaining(foreign + "_DELIVERED: column TENANT (VARCHAR(20) NOT NULL) is not part of the"
                                      + " store");
        try (java.sql.Connection connection = shared.getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + foreign + "_DELIVERED")) {
            rows.next();
            assertThat(rows.getInt(1)).as("nothing wiped").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "h2" })
    void twoNodesClaimingOverlappingPagesAtOnceNeverBothGetAKey(String database) throws Exception {
        DataSource shared = dataSource(database);
        String prefix = "CLAIMS" + (++tables);
        JdbcConsumerStore first = new JdbcConsumerStore(shared, prefix);
        JdbcConsumerStore second = new JdbcConsumerStore(shared, prefix);
        first.start();
        second.start();
        long now = System.currentTimeMillis();
        long later = now + 600_000;
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Future<Set<String>>> claims = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            List<String> page = IntStream.range(round * 50, round * 50 + 100).mapToObj(i -> "k" + i).toList();
            String delivery = String.valueOf(round);
            claims.add(nodes.submit(() -> first.claim(page, "node-a/" + delivery, now, later)));
            claims.add(nodes.submit(() -> second.claim(page, "node-b/" + delivery, now, later)));
        }
        Set<String> byA = new java.util.HashSet<>();
        Set<String> byB = new java.util.HashSet<>();
        for (int i = 0; i < claims.size(); i++) {
            (i % 2 == 0 ? byA : byB).addAll(claims.get(i).get());
        }
        nodes.shutdown();
        Set<String> both = new java.util.HashSet<>(byA);
        both.retainAll(byB);
        assertThat(both).as("claimed by both").isEmpty();
        Set<String> all = new java.util.HashSet<>(byA);
        all.addAll(byB);
        assertThat(all).as("every key claimed by one of them").hasSize(1050);
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "h2" })
    void aCursorOnlyMovesForward(String database) throws Exception {
        JdbcConsumerStore store = started(database);
        store.setValue("cursor", "scanned");
        assertThat(store.advance("cursor", 300)).as("text is replaced").isTrue();
        assertThat(store.advance("cursor", 200)).as("never back").isFalse();
        assertThat(store.advance("cursor", 400)).isTrue();
        assertThat(store.advance("new-cursor", 5)).isTrue();
        assertThat(store.value("cursor")).isEqualTo("400");
        assertThat(store.value("new-cursor")).isEqualTo("5");
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "h2" })
    void nodesStartingAtOnceOnANewDatabaseAllStart(String database) throws Exception {
        DataSource shared = dataSource(database);
        for (int attempt = 0; attempt < 5; attempt++) {
            String prefix = "RACE" + (++tables);
            int nodes = 6;
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(nodes);
            ExecutorService starting = Executors.newFixedThreadPool(nodes);
            List<Future<Void>> started = new ArrayList<>();
            for (int node = 0; node < nodes; node++) {
                started.add(starting.submit(() -> {
                    JdbcConsumerStore store = new JdbcConsumerStore(shared, prefix);
                    together.await();
                    store.start();
                    return null;
                }));
            }
            for (Future<Void> start : started) {
                start.get(); // a failed start throws here
            }
            starting.shutdown();
        }
    }

    /**
     * A first sync claims and records items faster than autovacuum looks at the claims table (switched off here to
     * make that certain): the store vacuums it itself, so it keeps the space of the items in flight and of at most
     * TableUpkeep.CHURN_BEFORE_VACUUM deleted claims, not a row and an index entry of every item ever delivered.
     */
    @org.junit.jupiter.api.Test
    void onPostgresqlTheClaimsOfRecordedItemsDoNotKeepTheirSpace() throws Exception {
        JdbcConsumerStore store = started("postgresql");
        String claims = "t" + tables + "_claims";
        DataSource database = dataSource("postgresql");
        try (java.sql.Connection connection = database.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + claims + " SET (autovacuum_enabled = false)");
        }
        int items = 150_000;
        for (int page = 0; page < items / 1000; page++) {
            int first = page * 1000;
            List<String> keys = IntStream.range(first, first + 1000)
                    .mapToObj(i -> "bigmarker:listChannelRegistrations-0123456789ab:conference_id=c" + (i % 97)
                                   + "|email=person" + i + "@example.com").toList();
            assertThat(store.claim(keys, "delivery-1", 0, 60_000)).hasSize(1000);
            store.markDelivered(keys, 1);
        }
        try (java.sql.Connection connection = database.getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet size = statement.executeQuery("SELECT pg_total_relation_size('" + claims + "')")) {
            size.next();
            assertThat(size.getLong(1) / items).as("bytes of the claims table per item delivered").isLessThan(150);
        }
    }
}

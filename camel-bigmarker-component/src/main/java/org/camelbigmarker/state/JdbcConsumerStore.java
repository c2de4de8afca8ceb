package org.camelbigmarker.state;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link ConsumerStore} in two tables of a database that several nodes share (PostgreSQL and H2 are tested):
 * {@code <prefix>_DELIVERED}, {@code <prefix>_VALUES} and {@code <prefix>_CLAIMS} ({@link JdbcStoreSchema} has
 * their columns), created on start when missing and refused on start when they exist with another layout (the
 * {@code tablePrefix} is {@code BIGMARKER} unless given). One row per key and per value:
 * no write rewrites another node's entries. A page's keys are looked up in one query and confirmed in one
 * transaction, so a first sync runs at database speed, not at one commit per item.
 */
public class JdbcConsumerStore extends ServiceSupport implements ConsumerStore {

    /** Keys per IN (...) list: well within every database's limit on parameters. */
    private static final int CHUNK = 500;

    private final DataSource dataSource;
    private final String delivered;
    private final String values;
    private final String claims;
    private final String prefix;
    private boolean postgres;
    private TableUpkeep upkeep = TableUpkeep.NONE;

    public JdbcConsumerStore(DataSource dataSource) {
        this(dataSource, "BIGMARKER");
    }

    public JdbcConsumerStore(DataSource dataSource, String tablePrefix) {
        if (!tablePrefix.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("tablePrefix must be a plain SQL name, was '" + tablePrefix + "'");
        }
        this.dataSource = dataSource;
        this.prefix = tablePrefix;
        this.delivered = JdbcStoreSchema.DELIVERED.name(tablePrefix);
        this.values = JdbcStoreSchema.VALUES.name(tablePrefix);
        this.claims = JdbcStoreSchema.CLAIMS.name(tablePrefix);
    }

    /**
     * The statements that create this store's tables (what it runs at start where they are missing), for a database
     * whose tables are created ahead, by a DBA or a migration tool.
     */
    public static List<String> createStatements(String tablePrefix) {
        return JdbcStoreSchema.createStatements(tablePrefix);
    }

    @Override
    protected void doStart() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            for (String create : JdbcStoreSchema.createStatements(prefix)) {
                createIfMissing(statement, create);
            }
            if (postgres) {
                upkeep = new TableUpkeep(dataSource, List.of(delivered, claims), claims);
            }
            List<String> differences = JdbcStoreSchema.differences(connection, prefix);
            if (!differences.isEmpty()) {
                throw new IllegalStateException("The BigMarker consumer store's tables do not have the layout this"
                                                + " version of camel-bigmarker writes, so nothing is read or written"
                                                + " in them: " + String.join(" | ", differences) + ". Give the store"
                                                + " another tablePrefix, or see docs/consumers.md (the store's"
                                                + " tables) to migrate them.");
            }
        }
    }

    /**
     * Runs a CREATE TABLE IF NOT EXISTS. Two nodes starting at once on a new database may both find the table missing;
     * PostgreSQL then fails the later one with a unique violation on its catalog, "type already exists" or "table
     * already exists": the table is there, made by the other node, and the statement run again finds it.
     */
    private static void createIfMissing(Statement statement, String create) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                statement.execute(create);
                return;
            } catch (SQLException createdMeanwhile) {
                if (attempt >= 3 || !CREATED_MEANWHILE.contains(createdMeanwhile.getSQLState())) {
                    throw createdMeanwhile;
                }
            }
        }
    }

    /** unique_violation, duplicate_object, duplicate_table. */
    private static final Set<String> CREATED_MEANWHILE = Set.of("23505", "42710", "42P07");

    @Override
    public boolean shareable() {
        return true;
    }

    @Override
    public Set<String> deliveredAmong(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Collections.emptySet();
        }
        try (Connection connection = dataSource.getConnection()) {
            return keysAmong(connection, "SELECT DELIVERY_KEY FROM " + delivered + " WHERE DELIVERY_KEY IN (%s)", keys);
        } catch (SQLException failure) {
            throw storeFailure("Cannot read delivered keys from " + delivered, failure);
        }
    }

    /**
     * The keys a query returns when asked about {@code keys}, a chunk at a time: {@code sql} selects one key column
     * and has {@code %s} where the chunk's IN list goes, after the {@code leading} parameters.
     */
    private static Set<String> keysAmong(Connection connection, String sql, Collection<String> keys,
                                         Object... leading) throws SQLException {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(keys)) {
            try (PreparedStatement select = connection.prepareStatement(String.format(sql,
                    placeholders(chunk.size())))) {
                bind(select, leading);
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(leading.length + i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public void markDelivered(Collection<String> keys, long stamp) {
        if (keys.isEmpty()) {
            return;
        }
        String insert = postgres
                ? "INSERT INTO " + delivered + " (DELIVERY_KEY, STAMP) VALUES (?, ?) ON CONFLICT (DELIVERY_KEY) DO NOTHING"
                : "MERGE INTO " + delivered + " (DELIVERY_KEY, STAMP) KEY (DELIVERY_KEY) VALUES (?, ?)";
        // one order for every node: no deadlock between two batches; a delivered key's claim is not needed any more
        inTransaction("Cannot record delivered keys in " + delivered, connection -> {
            TreeSet<String> sorted = new TreeSet<>(keys);
            batch(connection, insert, sorted, (statement, key) -> bind(statement, key, stamp));
            for (List<String> chunk : chunks(sorted)) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + claims
                                                                            + " WHERE DELIVERY_KEY IN ("
                                                                            + placeholders(chunk.size()) + ")")) {
                    bind(delete, chunk.toArray());
                    delete.executeUpdate();
                }
            }
            return null;
        });
        upkeep.grew(keys.size());
        upkeep.churned(keys.size());
    }

    /** Work done in one transaction, rolled back if it fails. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(String failureMessage, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException failure) {
                connection.rollback();
                throw failure;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException failure) {
            throw storeFailure(failureMessage, failure);
        }
    }

    /**
     * Claims in one transaction: a key is taken when nobody holds it or its claim ended; a key another delivery holds
     * (of this node or another) is left. Returns the keys {@code owner} holds that are not delivered.
     */
    @Override
    public Set<String> claim(Collection<String> keys, String owner, long nowMillis, long untilMillis) {
        if (keys.isEmpty()) {
            return Collections.emptySet();
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(keys)); // one order for every node: no deadlocks
        return inTransaction("Cannot claim keys in " + claims, connection -> {
            take(connection, sorted, owner, untilMillis, nowMillis);
            return heldBy(connection, sorted, owner);
        });
    }

    /** The keys among {@code keys} that {@code owner} holds and that are not delivered. */
    private Set<String> heldBy(Connection connection, Collection<String> keys, String owner) throws SQLException {
        return keysAmong(connection, "SELECT C.DELIVERY_KEY FROM " + claims + " C WHERE C.NODE = ? AND"
                                     + " C.DELIVERY_KEY IN (%s) AND NOT EXISTS (SELECT 1 FROM " + delivered
                                     + " D WHERE D.DELIVERY_KEY = C.DELIVERY_KEY)", keys, owner);
    }

    /**
     * PostgreSQL: one upsert per key that only takes a free or ended claim. H2: an insert per key (a key another
     * transaction holds fails alone: H2 runs the rest of the batch), then an update that takes the ended ones; both
     * wait on the other transaction's row locks, so two deliveries never both hold a key.
     */
    private void take(Connection connection, List<String> keys, String owner, long until, long now)
            throws SQLException {
        if (postgres) {
            batch(connection, "INSERT INTO " + claims + " AS C (DELIVERY_KEY, NODE, UNTIL) VALUES (?, ?, ?) ON CONFLICT"
                              + " (DELIVERY_KEY) DO UPDATE SET NODE = EXCLUDED.NODE, UNTIL = EXCLUDED.UNTIL"
                              + " WHERE C.UNTIL < ?", keys,
                    (statement, key) -> bind(statement, key, owner, until, now));
            return;
        }
        try {
            batch(connection, "INSERT INTO " + claims + " (DELIVERY_KEY, NODE, UNTIL) VALUES (?, ?, ?)", keys,
                    (statement, key) -> bind(statement, key, owner, until));
        } catch (BatchUpdateException someHeld) {
            if (!"23505".equals(someHeld.getSQLState())) {
                throw someHeld; // anything but "another claim exists"
            }
        }
        batch(connection, "UPDATE " + claims + " SET NODE = ?, UNTIL = ? WHERE DELIVERY_KEY = ? AND UNTIL < ?", keys,
                (statement, key) -> bind(statement, owner, until, key, now));
    }

    @Override
    public Set<String> renew(Collection<String> keys, String owner, long untilMillis) {
        if (keys.isEmpty()) {
            return Collections.emptySet();
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(keys));
        return inTransaction("Cannot renew claims in " + claims, connection -> {
            batch(connection, "UPDATE " + claims + " SET UNTIL = ? WHERE DELIVERY_KEY = ? AND NODE = ?", sorted,
                    (statement, key) -> bind(statement, untilMillis, key, owner));
            return heldBy(connection, sorted, owner);
        });
    }

    /** Sets one key's values on a statement of a batch. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement, String key) throws SQLException;
    }

    /** Runs {@code sql} once per key, as one batch. */
    private static void batch(Connection connection, String sql, Collection<String> keys, Binder binder)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (String key : keys) {
                binder.bind(statement, key);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    @Override
    public void release(Collection<String> keys, String owner) {
        try (Connection connection = dataSource.getConnection()) {
            deleteClaims(connection, keys, owner);
        } catch (SQLException failure) {
            throw storeFailure("Cannot release claims in " + claims, failure);
        }
    }

    /** Deletes {@code owner}'s claims on keys. */
    private void deleteClaims(Connection connection, Collection<String> keys, String node) throws SQLException {
        for (List<String> chunk : chunks(keys)) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + claims + " WHERE NODE = ? AND"
                                                                        + " DELIVERY_KEY IN ("
                                                                        + placeholders(chunk.size()) + ")")) {
                int index = 1;
                delete.setString(index++, node);
                for (String key : chunk) {
                    delete.setString(index++, key);
                }
                delete.executeUpdate();
            }
        }
    }

    /** Moves a numeric value forward in one statement, atomically; text or no value is replaced. */
    @Override
    public boolean advance(String name, long value) {
        String forward = "CASE WHEN " + (postgres ? "V.VAL ~ '^[0-9]+$'" : "REGEXP_LIKE(V.VAL, '^[0-9]+$')")
                         + " THEN CAST(V.VAL AS BIGINT) < ? ELSE TRUE END";
        String sql = postgres
                ? "INSERT INTO " + values + " AS V (NAME, VAL) VALUES (?, ?) ON CONFLICT (NAME) DO UPDATE"
                  + " SET VAL = EXCLUDED.VAL WHERE " + forward
                : "MERGE INTO " + values + " V USING (VALUES (CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(4000))))"
                  + " S (N, X) ON V.NAME = S.N WHEN MATCHED AND " + forward + " THEN UPDATE SET VAL = S.X"
                  + " WHEN NOT MATCHED THEN INSERT (NAME, VAL) VALUES (S.N, S.X)";
        return update(sql, name, String.valueOf(value), value) > 0;
    }

    /** A delivered key's claim is left to end by itself, and forgotten here. */
    @Override
    public void forgetEndedClaims(long nowMillis) {
        update("DELETE FROM " + claims + " WHERE UNTIL < ?", nowMillis);
    }

    @Override
    public int forgetDeliveredSince(String keyPrefix, long stampedFrom) {
        return update("DELETE FROM " + delivered + " WHERE DELIVERY_KEY LIKE ? ESCAPE '!' AND STAMP >= ?",
                likePrefix(keyPrefix), stampedFrom);
    }

    @Override
    public int forgetDelivered(String keyPrefix, long stampedBefore) {
        return update("DELETE FROM " + delivered + " WHERE DELIVERY_KEY LIKE ? ESCAPE '!' AND STAMP < ?",
                likePrefix(keyPrefix), stampedBefore);
    }

    @Override
    public long deliveredCount() {
        try (Connection connection = dataSource.getConnection(); Statement count = connection.createStatement();
             ResultSet row = count.executeQuery("SELECT COUNT(*) FROM " + delivered)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException failure) {
            throw storeFailure("Cannot count the keys in " + delivered, failure);
        }
    }

    @Override
    public String value(String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT VAL FROM " + values + " WHERE NAME = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException failure) {
            throw storeFailure("Cannot read " + name + " from " + values, failure);
        }
    }

    @Override
    public void setValue(String name, String value) {
        update(postgres ? "INSERT INTO " + values + " (NAME, VAL) VALUES (?, ?) ON CONFLICT (NAME) DO UPDATE SET VAL ="
                          + " EXCLUDED.VAL"
                : "MERGE INTO " + values + " (NAME, VAL) KEY (NAME) VALUES (?, ?)", name, value);
    }

    @Override
    public void removeValue(String name) {
        update("DELETE FROM " + values + " WHERE NAME = ?", name);
    }

    @Override
    public Map<String, String> values(String namePrefix) {
        Map<String, String> found = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT NAME, VAL FROM " + values
                                                                    + " WHERE NAME LIKE ? ESCAPE '!'")) {
            select.setString(1, likePrefix(namePrefix));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getString(2));
                }
            }
            return found;
        } catch (SQLException failure) {
            throw storeFailure("Cannot list " + namePrefix + "* in " + values, failure);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException failure) {
            throw storeFailure("Cannot update the BigMarker consumer store", failure);
        }
    }

    /** A store failure whose message carries the database's own reason, not only ours. */
    private static RuntimeCamelException storeFailure(String what, SQLException failure) {
        return new RuntimeCamelException(what + ": " + failure.getMessage(), failure);
    }

    /** A LIKE pattern matching names that start with {@code prefix}, its own wildcards escaped with '!'. */
    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    private static List<List<String>> chunks(Collection<String> keys) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}

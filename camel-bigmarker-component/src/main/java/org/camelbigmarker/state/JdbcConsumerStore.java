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
 * <pre>
 * BIGMARKER_DELIVERED (DELIVERY_KEY VARCHAR(512) PRIMARY KEY, STAMP BIGINT NOT NULL)
 * BIGMARKER_VALUES    (NAME VARCHAR(512) PRIMARY KEY, VAL VARCHAR(4000))
 * BIGMARKER_CLAIMS    (DELIVERY_KEY VARCHAR(512) PRIMARY KEY, NODE VARCHAR(200) NOT NULL, UNTIL BIGINT NOT NULL)
 * </pre>
 * created on start when missing (the prefix of both names is the {@code tablePrefix}). One row per key and per value:
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
    private boolean postgres;

    public JdbcConsumerStore(DataSource dataSource) {
        this(dataSource, "BIGMARKER");
    }

    public JdbcConsumerStore(DataSource dataSource, String tablePrefix) {
        if (!tablePrefix.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("tablePrefix must be a plain SQL name, was '" + tablePrefix + "'");
        }
        this.dataSource = dataSource;
        this.delivered = tablePrefix + "_DELIVERED";
        this.values = tablePrefix + "_VALUES";
        this.claims = tablePrefix + "_CLAIMS";
    }

    @Override
    protected void doStart() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            statement.execute("CREATE TABLE IF NOT EXISTS " + delivered
                              + " (DELIVERY_KEY VARCHAR(512) PRIMARY KEY, STAMP BIGINT NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS " + values
                              + " (NAME VARCHAR(512) PRIMARY KEY, VAL VARCHAR(4000))");
            statement.execute("CREATE TABLE IF NOT EXISTS " + claims
                              + " (DELIVERY_KEY VARCHAR(512) PRIMARY KEY, NODE VARCHAR(200) NOT NULL,"
                              + " UNTIL BIGINT NOT NULL)");
        }
    }

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
            throw new RuntimeCamelException("Cannot read delivered keys from " + delivered, failure);
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
        // one order for every node: no deadlock between two batches
        inTransaction("Cannot record delivered keys in " + delivered, connection -> {
            batch(connection, insert, new TreeSet<>(keys), (statement, key) -> bind(statement, key, stamp));
            return null;
        });
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
            throw new RuntimeCamelException(failureMessage, failure);
        }
    }

    /**
     * Claims in one transaction: a key is taken when nobody holds it, when its claim expired, or when this node
     * holds it already; a key another node holds is left. Then the keys this node holds, less those delivered.
     */
    /**
     * Claims in one transaction: a key is taken when nobody holds it, when its claim expired, or when this node
     * holds it already; a key another node holds is left. Returns the keys this node holds that are not delivered.
     */
    @Override
    public Set<String> claim(Collection<String> keys, String node, long until) {
        if (keys.isEmpty()) {
            return Collections.emptySet();
        }
        long now = System.currentTimeMillis() / 1000;
        List<String> sorted = new ArrayList<>(new TreeSet<>(keys)); // one order for every node: no deadlocks
        return inTransaction("Cannot claim keys in " + claims, connection -> {
            take(connection, sorted, node, until, now);
            return keysAmong(connection, "SELECT C.DELIVERY_KEY FROM " + claims + " C WHERE C.NODE = ? AND"
                                         + " C.DELIVERY_KEY IN (%s) AND NOT EXISTS (SELECT 1 FROM " + delivered
                                         + " D WHERE D.DELIVERY_KEY = C.DELIVERY_KEY)", sorted, node);
        });
    }

    /**
     * PostgreSQL: one upsert per key that only takes a free, expired or own claim. H2: an insert per key (a key
     * another transaction holds fails alone: H2 runs the rest of the batch), then an update that takes the expired
     * and own ones; both wait on the other transaction's row locks, so two nodes never both hold a key.
     */
    private void take(Connection connection, List<String> keys, String node, long until, long now)
            throws SQLException {
        if (postgres) {
            batch(connection, "INSERT INTO " + claims + " AS C (DELIVERY_KEY, NODE, UNTIL) VALUES (?, ?, ?) ON CONFLICT"
                              + " (DELIVERY_KEY) DO UPDATE SET NODE = EXCLUDED.NODE, UNTIL = EXCLUDED.UNTIL"
                              + " WHERE C.UNTIL < ? OR C.NODE = EXCLUDED.NODE", keys,
                    (statement, key) -> bind(statement, key, node, until, now));
            return;
        }
        try {
            batch(connection, "INSERT INTO " + claims + " (DELIVERY_KEY, NODE, UNTIL) VALUES (?, ?, ?)", keys,
                    (statement, key) -> bind(statement, key, node, until));
        } catch (BatchUpdateException someHeld) {
            if (!"23505".equals(someHeld.getSQLState())) {
                throw someHeld; // anything but "another claim exists"
            }
        }
        batch(connection, "UPDATE " + claims + " SET NODE = ?, UNTIL = ? WHERE DELIVERY_KEY = ? AND (UNTIL < ? OR"
                          + " NODE = ?)", keys, (statement, key) -> bind(statement, node, until, key, now, node));
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
    public void release(Collection<String> keys, String node) {
        try (Connection connection = dataSource.getConnection()) {
            deleteClaims(connection, keys, node);
        } catch (SQLException failure) {
            throw new RuntimeCamelException("Cannot release claims in " + claims, failure);
        }
    }

    /** Deletes {@code node}'s claims on keys. */
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

    /** Forgets old delivered keys, and every claim that ended (a delivered key's claim is left to end by itself). */
    @Override
    public int forgetDelivered(String keyPrefix, long stampedBefore) {
        update("DELETE FROM " + claims + " WHERE UNTIL < ?", System.currentTimeMillis() / 1000);
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
            throw new RuntimeCamelException("Cannot count the keys in " + delivered, failure);
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
            throw new RuntimeCamelException("Cannot read " + name + " from " + values, failure);
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
            throw new RuntimeCamelException("Cannot list " + namePrefix + "* in " + values, failure);
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
            throw new RuntimeCamelException("Cannot update the BigMarker consumer store: " + failure.getMessage(),
                    failure);
        }
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

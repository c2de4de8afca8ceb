package org.camelbigmarker.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;

/**
 * How a {@link JdbcConsumerStore} talks to its database: many keys per statement (IN lists of at most
 * {@value #CHUNK}, batches), work in one transaction, and failures that carry the database's own reason.
 */
final class JdbcBatches {

    /** Keys per IN (...) list: well within every database's limit on parameters. */
    static final int CHUNK = 500;

    private final DataSource dataSource;

    JdbcBatches(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Work done on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Sets one key's values on a statement of a batch. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement, String key) throws SQLException;
    }

    /** Work on a connection of its own, in auto-commit. */
    <T> T run(String failureMessage, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException failure) {
            throw storeFailure(failureMessage, failure);
        }
    }

    /** Work in one transaction, rolled back if it fails. */
    <T> T inTransaction(String failureMessage, Work<T> work) {
        return run(failureMessage, connection -> {
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
        });
    }

    /** One statement with these parameters, on a connection of its own; returns the rows it changed. */
    int update(String sql, Object... parameters) {
        return run("Cannot update the BigMarker consumer store", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * The keys a query returns when asked about {@code keys}, a chunk at a time: {@code sql} selects one key column
     * and has {@code %s} where the chunk's IN list goes, after the {@code leading} parameters.
     */
    static Set<String> keysAmong(Connection connection, String sql, Collection<String> keys, Object... leading)
            throws SQLException {
        return new HashSet<>(rowsAmong(connection, sql, keys, leading).keySet());
    }

    /** As {@link #keysAmong}, for a query that selects a key and a number: each key found with its number. */
    static Map<String, Long> rowsAmong(Connection connection, String sql, Collection<String> keys,
                                       Object... leading) throws SQLException {
        Map<String, Long> found = new LinkedHashMap<>();
        for (List<String> chunk : chunks(keys)) {
            try (PreparedStatement select = forChunk(connection, sql, chunk, leading)) {
                try (ResultSet rows = select.executeQuery()) {
                    boolean withNumber = rows.getMetaData().getColumnCount() > 1;
                    while (rows.next()) {
                        found.put(rows.getString(1), withNumber ? rows.getLong(2) : -1L);
                    }
                }
            }
        }
        return found;
    }

    /** Runs {@code sql} (with {@code %s} for the IN list) for every chunk of keys, after the leading parameters. */
    static int updateEachChunk(Connection connection, String sql, Collection<String> keys, Object... leading)
            throws SQLException {
        int updated = 0;
        for (List<String> chunk : chunks(keys)) {
            try (PreparedStatement update = forChunk(connection, sql, chunk, leading)) {
                updated += update.executeUpdate();
            }
        }
        return updated;
    }

    /** {@code sql} with the chunk's IN list in place of {@code %s}, the leading parameters and the keys bound. */
    private static PreparedStatement forChunk(Connection connection, String sql, List<String> chunk,
                                              Object... leading) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(String.format(sql, placeholders(chunk.size())));
        try {
            bind(statement, leading);
            for (int i = 0; i < chunk.size(); i++) {
                statement.setString(leading.length + i + 1, chunk.get(i));
            }
            return statement;
        } catch (SQLException failure) {
            statement.close();
            throw failure;
        }
    }

    /** Runs {@code sql} once per key, as one batch. */
    static void batch(Connection connection, String sql, Collection<String> keys, Binder binder)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (String key : keys) {
                binder.bind(statement, key);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    /** A store failure whose message carries the database's own reason, not only ours. */
    static RuntimeCamelException storeFailure(String what, SQLException failure) {
        return new RuntimeCamelException(what + ": " + failure.getMessage(), failure);
    }

    /** A LIKE pattern matching names that start with {@code prefix}, its own wildcards escaped with '!'. */
    static String likePrefix(String prefix) {
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

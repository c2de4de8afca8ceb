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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.apache.camel.support.service.ServiceSupport;

import static org.camelbigmarker.state.JdbcBatches.batch;
import static org.camelbigmarker.state.JdbcBatches.bind;
import static org.camelbigmarker.state.JdbcBatches.keysAmong;
import static org.camelbigmarker.state.JdbcBatches.likePrefix;
import static org.camelbigmarker.state.JdbcBatches.rowsAmong;
import static org.camelbigmarker.state.JdbcBatches.updateEachChunk;

/**
 * A {@link ConsumerStore} in three tables of a database that several nodes share (PostgreSQL and H2 are tested):
 * {@code <prefix>_DELIVERED}, {@code <prefix>_VALUES} and {@code <prefix>_CLAIMS} ({@link JdbcStoreSchema} has
 * their columns), created on start when missing and refused on start when they exist with another layout (the
 * {@code tablePrefix} is {@code BIGMARKER} unless given). One row per key and per value:
 * no write rewrites another node's entries. A page's keys are looked up in one query and confirmed in one
 * transaction, so a first sync runs at database speed, not at one commit per item.
 */
public class JdbcConsumerStore extends ServiceSupport implements ConsumerStore {

    /** The prefix of the tables when none is given: BIGMARKER_... */
    public static final String DEFAULT_TABLE_PREFIX = "BIGMARKER";

    private final DataSource dataSource;
    private final JdbcBatches database;
    private final String prefix;
    private boolean postgres;
    /** Made at start, when the dialect is known. */
    private JdbcStatements sql;
    private TableUpkeep upkeep = TableUpkeep.NONE;

    public JdbcConsumerStore(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE_PREFIX);
    }

    public JdbcConsumerStore(DataSource dataSource, String tablePrefix) {
        if (!tablePrefix.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("tablePrefix must be a plain SQL name, was '" + tablePrefix + "'");
        }
        this.dataSource = dataSource;
        this.database = new JdbcBatches(dataSource);
        this.prefix = tablePrefix;
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
        try (Connection connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            sql = new JdbcStatements(prefix, postgres);
            JdbcStoreSchema.prepare(connection, prefix);
        }
        if (postgres) {
            upkeep = new TableUpkeep(dataSource, List.of(sql.delivered, sql.claims), sql.claims);
        }
    }

    @Override
    public boolean shareable() {
        return true;
    }

    @Override
    public Set<String> deliveredAmong(Collection<String> keys) {
        return keys.isEmpty() ? Collections.emptySet()
                : database.run("Cannot read delivered keys from " + sql.delivered,
                        connection -> keysAmong(connection, sql.deliveredAmong, keys));
    }

    @Override
    public Map<String, Long> stampsOf(Collection<String> keys) {
        return keys.isEmpty() ? Map.of() : database.run("Cannot read delivered keys from " + sql.delivered,
                connection -> rowsAmong(connection, sql.stampsOf, keys));
    }

    @Override
    public int forget(Collection<String> keys) {
        return keys.isEmpty() ? 0 : database.inTransaction("Cannot forget delivered keys in " + sql.delivered,
                connection -> updateEachChunk(connection, sql.forgetKeys, keys));
    }

    @Override
    public void markDelivered(Collection<String> keys, long stamp) {
        if (keys.isEmpty()) {
            return;
        }
        // one order for every node: no deadlock between two batches; a delivered key's claim is not needed any more
        database.inTransaction("Cannot record delivered keys in " + sql.delivered, connection -> {
            TreeSet<String> sorted = new TreeSet<>(keys);
            batch(connection, sql.markDelivered, sorted, (statement, key) -> bind(statement, key, stamp));
            updateEachChunk(connection, sql.deleteClaimsOfKeys, sorted);
            return null;
        });
        upkeep.grew(keys.size());
        upkeep.churned(keys.size());
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
        return database.inTransaction("Cannot claim keys in " + sql.claims, connection -> {
            take(connection, sorted, owner, untilMillis, nowMillis);
            return keysAmong(connection, sql.heldBy, sorted, owner);
        });
    }

    /**
     * PostgreSQL: one upsert per key that only takes a free or ended claim. H2: an insert per key (a key another
     * transaction holds fails alone: H2 runs the rest of the batch), then an update that takes the ended ones; both
     * wait on the other transaction's row locks, so two deliveries never both hold a key.
     */
    private void take(Connection connection, List<String> keys, String owner, long until, long now)
            throws SQLException {
        if (postgres) {
            batch(connection, sql.claimFreeOrEnded, keys, (statement, key) -> bind(statement, key, owner, until, now));
            return;
        }
        try {
            batch(connection, sql.insertClaim, keys, (statement, key) -> bind(statement, key, owner, until));
        } catch (BatchUpdateException someHeld) {
            if (!"23505".equals(someHeld.getSQLState())) {
                throw someHeld; // anything but "another claim exists"
            }
        }
        batch(connection, sql.takeEndedClaim, keys, (statement, key) -> bind(statement, owner, until, key, now));
    }

    @Override
    public Set<String> renew(Collection<String> keys, String owner, long untilMillis) {
        if (keys.isEmpty()) {
            return Collections.emptySet();
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(keys));
        return database.inTransaction("Cannot renew claims in " + sql.claims, connection -> {
            batch(connection, sql.renewClaim, sorted, (statement, key) -> bind(statement, untilMillis, key, owner));
            return keysAmong(connection, sql.heldBy, sorted, owner);
        });
    }

    @Override
    public void release(Collection<String> keys, String owner) {
        database.run("Cannot release claims in " + sql.claims, connection -> {
            updateEachChunk(connection, sql.deleteClaimsOfOwner, keys, owner);
            return null;
        });
    }

    /** Moves a numeric value forward in one statement, atomically; text or no value is replaced. */
    @Override
    public boolean advance(String name, long value) {
        return database.update(sql.advanceValue, name, String.valueOf(value), value) > 0;
    }

    /** A delivered key's claim is left to end by itself, and forgotten here. */
    @Override
    public void forgetEndedClaims(long nowMillis) {
        database.update(sql.forgetEndedClaims, nowMillis);
    }

    @Override
    public int forgetDeliveredSince(String keyPrefix, long stampedFrom) {
        return database.update(sql.forgetDeliveredSince, likePrefix(keyPrefix), stampedFrom);
    }

    @Override
    public int forgetDelivered(String keyPrefix, long stampedBefore) {
        return database.update(sql.forgetDeliveredBefore, likePrefix(keyPrefix), stampedBefore);
    }

    @Override
    public long deliveredCount() {
        return database.run("Cannot count the keys in " + sql.delivered, connection -> {
            try (Statement count = connection.createStatement(); ResultSet row = count.executeQuery(sql.countDelivered)) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public String value(String name) {
        return database.run("Cannot read " + name + " from " + sql.values, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.selectValue)) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    @Override
    public void setValue(String name, String value) {
        database.update(sql.setValue, name, value);
    }

    @Override
    public void removeValue(String name) {
        database.update(sql.removeValue, name);
    }

    @Override
    public Map<String, String> values(String namePrefix) {
        return database.run("Cannot list " + namePrefix + "* in " + sql.values, connection -> {
            Map<String, String> found = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement(sql.selectValuesLike)) {
                select.setString(1, likePrefix(namePrefix));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
            return found;
        });
    }
}

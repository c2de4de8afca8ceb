package org.camelbigmarker.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a PostgreSQL store's tables in shape while they change faster than autovacuum looks at them (a first sync of
 * a million items takes less than a minute, autovacuum's default nap):
 * <ul>
 * <li><b>statistics</b>: the planner plans the key look-ups by them, and a pooled connection keeps a prepared
 * statement's plan, so a plan made while a table looked empty (sequential scans) stays in use long after it holds
 * 100,000 rows: look-ups of a second each. The tables are analysed each time they have doubled since the last analysis
 * (from 10,000 rows on): a handful of ANALYZE statements for a million rows, each a few milliseconds;</li>
 * <li><b>churn</b>: every delivered item inserts a claim and deletes it when recorded. Deleted rows take their space
 * until a vacuum marks it free, so without one the claims table grows by a row and an index entry per item ever
 * delivered (about 400 bytes an item on PostgreSQL 14) although it holds only the items in flight. It is vacuumed
 * each time {@value #CHURN_BEFORE_VACUUM} rows have been deleted since the last vacuum, which keeps it at that many
 * rows' space.</li>
 * </ul>
 * A failure here only costs speed or space: it is logged at DEBUG and the store goes on.
 */
final class TableUpkeep {

    private static final Logger LOG = LoggerFactory.getLogger(TableUpkeep.class);
    private static final long FIRST_ANALYSIS = 10_000;
    static final long CHURN_BEFORE_VACUUM = 50_000;

    /** Where the database keeps its tables in shape by itself (H2): nothing to do. */
    static final TableUpkeep NONE = new TableUpkeep(null, List.of(), null);

    private final DataSource dataSource;
    private final List<String> growing;
    private final String churning;
    private final AtomicLong added = new AtomicLong();
    private final AtomicLong nextAnalysis = new AtomicLong(FIRST_ANALYSIS);
    private final AtomicLong deletedSinceVacuum = new AtomicLong();

    /** {@code growing}: tables to analyse as they grow; {@code churning}: the table whose rows are deleted as fast. */
    TableUpkeep(DataSource dataSource, List<String> growing, String churning) {
        this.dataSource = dataSource;
        this.growing = growing;
        this.churning = churning;
    }

    /** Notes rows added; analyses the tables when they have doubled since the last analysis. */
    void grew(int rows) {
        if (dataSource == null) {
            return;
        }
        long total = added.addAndGet(rows);
        long due = nextAnalysis.get();
        if (total >= due && nextAnalysis.compareAndSet(due, total * 2)) {
            run("ANALYZE " + String.join(", ", growing));
        }
    }

    /** Notes rows deleted from the churning table; vacuums it when enough have been since the last vacuum. */
    void churned(int rows) {
        if (dataSource == null) {
            return;
        }
        long deleted = deletedSinceVacuum.addAndGet(rows);
        if (deleted >= CHURN_BEFORE_VACUUM && deletedSinceVacuum.compareAndSet(deleted, 0)) {
            run("VACUUM " + churning); // outside a transaction: a pooled connection in auto-commit
        }
    }

    private void run(String sql) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException failed) { // autovacuum will, later; only speed or space suffers meanwhile
            LOG.debug("Could not run {}: {}", sql, failed.getMessage());
        }
    }
}

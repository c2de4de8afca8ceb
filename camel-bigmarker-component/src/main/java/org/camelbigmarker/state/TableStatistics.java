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
 * Keeps PostgreSQL's statistics of the store's tables up to date while they grow fast (a first sync): the planner
 * plans the key look-ups by them, and a pooled connection keeps a prepared statement's plan, so a plan made while a
 * table looked empty (sequential scans) stays in use long after it holds 100,000 rows, until autovacuum analyses it:
 * look-ups of a second each. The store analyses its own tables each time they have doubled since the last analysis
 * (from 10,000 rows on): a handful of ANALYZE statements for a million rows, each a few milliseconds.
 */
final class TableStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(TableStatistics.class);
    private static final long FIRST = 10_000;

    /** Where the database keeps its statistics by itself (H2): nothing to do. */
    static final TableStatistics NONE = new TableStatistics(null, List.of());

    private final DataSource dataSource;
    private final List<String> tables;
    private final AtomicLong added = new AtomicLong();
    private final AtomicLong nextAnalysis = new AtomicLong(FIRST);

    TableStatistics(DataSource dataSource, List<String> tables) {
        this.dataSource = dataSource;
        this.tables = tables;
    }

    /** Notes rows added; analyses the tables when they have doubled since the last analysis. */
    void grew(int rows) {
        if (dataSource == null) {
            return;
        }
        long total = added.addAndGet(rows);
        long due = nextAnalysis.get();
        if (total >= due && nextAnalysis.compareAndSet(due, total * 2)) {
            try (Connection connection = dataSource.getConnection();
                 Statement analyse = connection.createStatement()) {
                analyse.execute("ANALYZE " + String.join(", ", tables));
            } catch (SQLException notAnalysed) { // autovacuum will; only the speed of look-ups suffers meanwhile
                LOG.debug("Could not analyse {}: {}", tables, notAnalysed.getMessage());
            }
        }
    }
}

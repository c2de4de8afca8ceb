package org.camelbigmarker.state;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The databases the JDBC store is tested on: a real PostgreSQL 14 (embedded, started once for the test JVM and shut
 * down with it) and H2 in memory, a fresh database each time.
 */
public final class TestDatabases {

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** "postgresql" or "h2". */
    public static synchronized DataSource of(String database) {
        if (database.equals("postgresql")) {
            if (postgres == null) {
                try {
                    postgres = EmbeddedPostgres.builder().start();
                } catch (IOException notStarted) {
                    throw new UncheckedIOException(notStarted);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is ending
                    }
                }));
            }
            return postgres.getPostgresDatabase();
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:test-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }
}

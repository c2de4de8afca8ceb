package org.camelbigmarker.examples;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The registrations table, on H2 (embedded default) or PostgreSQL, chosen by the JDBC URL. */
public final class Database {

    private final DataSource dataSource;
    private final boolean postgres;

    public Database(ExampleSettings settings) {
        postgres = settings.jdbcUrl().startsWith("jdbc:postgresql:");
        if (postgres) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setUrl(settings.jdbcUrl());
            pg.setUser(settings.jdbcUser());
            pg.setPassword(settings.jdbcPassword());
            dataSource = pg;
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(settings.jdbcUrl());
            h2.setUser(settings.jdbcUser());
            h2.setPassword(settings.jdbcPassword());
            dataSource = h2;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public void createSchema() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS registrations (id VARCHAR(64) PRIMARY KEY,"
                              + " bmid VARCHAR(64), email VARCHAR(320), first_name VARCHAR(200),"
                              + " last_name VARCHAR(200), conference_id VARCHAR(64), company VARCHAR(200),"
                              + " registered_at VARCHAR(40))");
        }
    }

    /** The camel-sql upsert of one registration, keyed by its id: running it twice changes nothing. */
    public String upsertSql() {
        String columns = "id, bmid, email, first_name, last_name, conference_id, company, registered_at";
        String values = ":#id, :#bmid, :#email, :#first_name, :#last_name, :#conference_id, :#company,"
                        + " :#registered_at";
        return postgres
                ? "INSERT INTO registrations (" + columns + ") VALUES (" + values + ") ON CONFLICT (id) DO UPDATE SET"
                  + " email = EXCLUDED.email, first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,"
                  + " company = EXCLUDED.company"
                : "MERGE INTO registrations (" + columns + ") KEY (id) VALUES (" + values + ")";
    }

    public int count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}

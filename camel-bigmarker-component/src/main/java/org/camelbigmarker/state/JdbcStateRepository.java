package org.camelbigmarker.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link StateRepository} in a database table, so that consumer cursors survive restarts and are shared by several
 * nodes (use it with a JDBC IdempotentRepository on the same database, e.g. camel-sql's JdbcMessageIdRepository). The
 * table is created on start when missing: {@code (STATE_KEY VARCHAR(255) PRIMARY KEY, STATE_VALUE VARCHAR)}; plain
 * SQL that H2 and PostgreSQL both accept.
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private final DataSource dataSource;
    private final String table;

    public JdbcStateRepository(DataSource dataSource) {
        this(dataSource, "BIGMARKER_STATE");
    }

    public JdbcStateRepository(DataSource dataSource, String table) {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("table must be a plain SQL name, was '" + table + "'");
        }
        this.dataSource = dataSource;
        this.table = table;
    }

    @Override
    protected void doStart() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + table
                              + " (STATE_KEY VARCHAR(255) PRIMARY KEY, STATE_VALUE VARCHAR)");
        }
    }

    @Override
    public String getState(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT STATE_VALUE FROM " + table + " WHERE STATE_KEY = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException failure) {
            throw new RuntimeCamelException("Cannot read state " + key + " from table " + table, failure);
        }
    }

    @Override
    public void setState(String key, String value) {
        try (Connection connection = dataSource.getConnection()) {
            if (update(connection, key, value) == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + table + " (STATE_KEY, STATE_VALUE) VALUES (?, ?)")) {
                    insert.setString(1, key);
                    insert.setString(2, value);
                    insert.executeUpdate();
                } catch (SQLException raced) {
                    if (update(connection, key, value) == 0) { // another node inserted it first: update that row
                        throw raced;
                    }
                }
            }
        } catch (SQLException failure) {
            throw new RuntimeCamelException("Cannot write state " + key + " to table " + table, failure);
        }
    }

    private int update(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET STATE_VALUE = ? WHERE STATE_KEY = ?")) {
            update.setString(1, value);
            update.setString(2, key);
            return update.executeUpdate();
        }
    }
}

package org.camelbigmarker.state;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tables of a {@link JdbcConsumerStore}, in one place: the statements that create them and the check that tables
 * found in the database have exactly this layout are both derived from {@link #TABLES}, so they cannot disagree.
 * A table of another layout (an older one missing a column, one with a column of its own) is refused at start, since
 * every later write would fail and items delivered before the first failure would be delivered again after a restart.
 */
final class JdbcStoreSchema {

    /** One column: its SQL type (VARCHAR with a length, or BIGINT) and whether it may be NULL. */
    record Column(String name, int sqlType, int length, boolean nullable) {

        static Column varchar(String name, int length, boolean nullable) {
            return new Column(name, Types.VARCHAR, length, nullable);
        }

        static Column bigint(String name) {
            return new Column(name, Types.BIGINT, 0, false);
        }

        String ddl() {
            return name + " " + sqlTypeName() + (nullable ? "" : " NOT NULL");
        }

        /** The type as a statement writes it: VARCHAR(length) or BIGINT. */
        String sqlTypeName() {
            return sqlType == Types.VARCHAR ? "VARCHAR(" + length + ")" : "BIGINT";
        }

        /** As found in a database: any SQL type, named as JDBC names it. */
        String describe() {
            String type = sqlType == Types.VARCHAR || sqlType == Types.BIGINT ? sqlTypeName() : jdbcName(sqlType);
            return type + (nullable ? " NULL" : " NOT NULL");
        }
    }

    private static String jdbcName(int sqlType) {
        try {
            return java.sql.JDBCType.valueOf(sqlType).getName();
        } catch (IllegalArgumentException vendorType) {
            return "SQL type " + sqlType;
        }
    }

    /** One table: its name after the prefix, its columns, and its primary key (the first column). */
    record Table(String suffix, List<Column> columns) {

        String name(String prefix) {
            return prefix + "_" + suffix;
        }

        String key() {
            return columns.get(0).name();
        }

        String createStatement(String prefix) {
            return "CREATE TABLE IF NOT EXISTS " + name(prefix) + " ("
                   + columns.stream().map(Column::ddl).collect(Collectors.joining(", "))
                   + ", PRIMARY KEY (" + key() + "))";
        }
    }

    static final Column DELIVERED_KEY = Column.varchar("DELIVERY_KEY", 512, false);
    /** When the key was recorded, in epoch seconds of the local clock. */
    static final Column DELIVERED_STAMP = Column.bigint("STAMP");
    static final Table DELIVERED = new Table("DELIVERED", List.of(DELIVERED_KEY, DELIVERED_STAMP));

    static final Column VALUE_NAME = Column.varchar("NAME", 512, false);
    static final Column VALUE_TEXT = Column.varchar("VAL", 4000, true);
    static final Table VALUES = new Table("VALUES", List.of(VALUE_NAME, VALUE_TEXT));

    static final Column CLAIM_KEY = Column.varchar("DELIVERY_KEY", 512, false);
    /** Names the delivery that holds the claim (not a node: one node runs many deliveries). */
    static final Column CLAIM_OWNER = Column.varchar("NODE", 200, false);
    /** Until when the claim holds, in epoch milliseconds. */
    static final Column CLAIM_UNTIL = Column.bigint("UNTIL");
    static final Table CLAIMS = new Table("CLAIMS", List.of(CLAIM_KEY, CLAIM_OWNER, CLAIM_UNTIL));
    static final List<Table> TABLES = List.of(DELIVERED, VALUES, CLAIMS);

    private JdbcStoreSchema() {
    }

    /**
     * Creates the tables of {@code prefix} where they are missing, then refuses tables of another layout: nothing is
     * read or written in them.
     */
    static void prepare(Connection connection, String prefix) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String create : createStatements(prefix)) {
                createIfMissing(statement, create);
            }
        }
        List<String> differences = differences(connection, prefix);
        if (!differences.isEmpty()) {
            throw new IllegalStateException("The BigMarker consumer store's tables do not have the layout this"
                                            + " version of camel-bigmarker writes, so nothing is read or written"
                                            + " in them: " + String.join(" | ", differences) + ". Give the store"
                                            + " another tablePrefix, or see docs/consumers.md (the store's"
                                            + " tables) to migrate them.");
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

    /** The statements that create the tables where they are missing. */
    static List<String> createStatements(String prefix) {
        return TABLES.stream().map(table -> table.createStatement(prefix)).toList();
    }

    /**
     * Where the tables of {@code prefix} in the connection's schema differ from {@link #TABLES}: one line per table
     * that differs, naming it and what differs; empty when every table has exactly this layout.
     */
    static List<String> differences(Connection connection, String prefix) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        List<String> differences = new ArrayList<>();
        for (Table table : TABLES) {
            String name = stored(metadata, table.name(prefix));
            Map<String, Column> found = columns(metadata, connection.getSchema(), name);
            List<String> wrong = new ArrayList<>();
            for (Column expected : table.columns()) {
                Column actual = found.remove(expected.name());
                if (actual == null) {
                    wrong.add("column " + expected.name() + " is missing");
                } else if (!sameType(expected, actual) || expected.nullable() != actual.nullable()) {
                    wrong.add("column " + expected.name() + " is " + actual.describe() + ", expected "
                              + expected.describe());
                }
            }
            found.values().forEach(extra -> wrong.add("column " + extra.name() + " (" + extra.describe()
                                                      + ") is not part of the store"));
            Set<String> key = primaryKey(metadata, connection.getSchema(), name);
            if (!key.equals(Set.of(table.key()))) {
                wrong.add("its primary key is " + (key.isEmpty() ? "missing" : key) + ", expected (" + table.key()
                          + ")");
            }
            if (!wrong.isEmpty()) {
                differences.add(table.name(prefix) + ": " + String.join("; ", wrong));
            }
        }
        return differences;
    }

    /** The name as the database stores an unquoted identifier (PostgreSQL folds to lower case, H2 to upper case). */
    private static String stored(DatabaseMetaData metadata, String name) throws SQLException {
        if (metadata.storesLowerCaseIdentifiers()) {
            return name.toLowerCase(Locale.ROOT);
        }
        return metadata.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }

    private static Map<String, Column> columns(DatabaseMetaData metadata, String schema, String table)
            throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rows = metadata.getColumns(null, schema, table, null)) {
            while (rows.next()) {
                String name = rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT);
                columns.put(name, new Column(name, rows.getInt("DATA_TYPE"), rows.getInt("COLUMN_SIZE"),
                        rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
            }
        }
        return columns;
    }

    private static Set<String> primaryKey(DatabaseMetaData metadata, String schema, String table)
            throws SQLException {
        Set<String> key = new LinkedHashSet<>();
        try (ResultSet rows = metadata.getPrimaryKeys(null, schema, table)) {
            while (rows.next()) {
                key.add(rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return key;
    }

    private static boolean sameType(Column expected, Column actual) {
        return expected.sqlType() == actual.sqlType()
               && (expected.sqlType() != Types.VARCHAR || expected.length() == actual.length());
    }
}

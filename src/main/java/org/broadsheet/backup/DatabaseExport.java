package org.broadsheet.backup;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The database's part of an archive, read from one snapshot: one {@code REPEATABLE READ, READ
 * ONLY} transaction sees every table as it was when its first query ran, whatever the site
 * writes meanwhile, and {@code COPY ... TO STDOUT} streams each table into the archive.
 */
final class DatabaseExport {

    /** What the database gave the archive. */
    record Exported(String schemaVersion, List<Manifest.Table> tables, List<Manifest.Sequence> sequences) {}

    private static final String TABLES = """
            select c.oid, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = current_schema() and c.relkind = 'r' and c.relname <> 'flyway_schema_history'
             order by c.relname
            """;

    /** Generated columns are made again by the target; COPY cannot write them. */
    static final String COLUMNS = """
            select attname from pg_attribute
             where attrelid = ? and attnum > 0 and not attisdropped and attgenerated = ''
             order by attnum
            """;

    private static final String SEQUENCES = """
            select sequencename, last_value, start_value from pg_sequences
             where schemaname = current_schema() order by sequencename
            """;

    static final String VERSIONS = "select version from flyway_schema_history where success and version is not null";

    private DatabaseExport() {}

    static Exported export(Connection connection, ArchiveWriter archive) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("set transaction isolation level repeatable read, read only");
        }
        try {
            String version = schemaVersion(connection);
            List<Manifest.Table> tables = new ArrayList<>();
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (TableName table : tables(connection)) {
                List<String> columns = columns(connection, table.oid());
                String sql = "copy " + quote(table.name()) + " (" + quoteAll(columns) + ") to stdout";
                long[] rows = new long[1];
                Manifest.Entry entry = archive.write(
                        Manifest.tableEntry(table.name()), true, out -> rows[0] = copyOut(copy, sql, out));
                tables.add(new Manifest.Table(table.name(), columns, rows[0], entry));
            }
            List<Manifest.Sequence> sequences = sequences(connection);
            connection.commit();
            return new Exported(version, tables, sequences);
        } finally {
            connection.rollback();
        }
    }

    private record TableName(long oid, String name) {}

    private static long copyOut(CopyManager copy, String sql, java.io.OutputStream out) throws IOException {
        try {
            return copy.copyOut(sql, out);
        } catch (SQLException e) {
            throw new IOException("Could not read the database: " + e.getMessage(), e);
        }
    }

    /** The newest migration applied (by Flyway's ordering of versions). */
    static String schemaVersion(Connection connection) throws SQLException {
        @Nullable MigrationVersion newest = null;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(VERSIONS)) {
            while (rs.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                newest = newest == null || v.isNewerThan(newest) ? v : newest;
            }
        }
        if (newest == null) {
            throw new SQLException("The database holds no Broadsheet schema (no applied Flyway migration)");
        }
        return newest.getVersion();
    }

    private static List<TableName> tables(Connection connection) throws SQLException {
        List<TableName> names = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(TABLES)) {
            while (rs.next()) {
                names.add(new TableName(rs.getLong(1), rs.getString(2)));
            }
        }
        return names;
    }

    static List<String> columns(Connection connection, long tableOid) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(COLUMNS)) {
            s.setLong(1, tableOid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** Read after the tables: a sequence never goes back, so its value covers every row copied. */
    private static List<Manifest.Sequence> sequences(Connection connection) throws SQLException {
        List<Manifest.Sequence> sequences = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(SEQUENCES)) {
            while (rs.next()) {
                long value = rs.getLong(2);
                boolean called = !rs.wasNull();
                sequences.add(new Manifest.Sequence(rs.getString(1), called ? value : rs.getLong(3), called));
            }
        }
        return sequences;
    }

    /** A PostgreSQL identifier, quoted. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String quoteAll(List<String> identifiers) {
        return String.join(", ", identifiers.stream().map(DatabaseExport::quote).toList());
    }
}

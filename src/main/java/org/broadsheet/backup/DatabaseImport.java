package org.broadsheet.backup;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The database's part of a restore: into a schema that Flyway has just made at the archive's
 * version, every table's rows in one transaction (nothing when it fails), then the sequences.
 * Table, column and sequence names come from the archive, so each must name what the schema has
 * before it goes into a statement.
 */
final class DatabaseImport {

    private static final String TABLES = """
            select c.relname, c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = current_schema() and c.relkind = 'r' and c.relname <> 'flyway_schema_history'
            """;

    /** Edges "table depends on table" of the schema's foreign keys, for the order rows go in. */
    private static final String REFERENCES = """
            select c.conrelid::regclass::text, c.confrelid::regclass::text from pg_constraint c
              join pg_namespace n on n.oid = c.connamespace
             where c.contype = 'f' and n.nspname = current_schema() and c.conrelid <> c.confrelid
            """;

    private DatabaseImport() {}

    /** True when the schema holds no table at all: a database nobody has started a site on. */
    static boolean isEmpty(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("""
                        select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'S')
                        """)) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    /** Loads every table and sets every sequence; returns the rows written. */
    static long load(Connection connection, Manifest manifest, ZipFile zip) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try {
            Map<String, Manifest.Table> tables = matched(connection, manifest);
            try (Statement s = connection.createStatement()) {
                // A superuser copies rows as they were, with no trigger: the stored search vectors
                // come back as they are. Otherwise triggers run, with the search vectors left to
                // the search catch-up of the site's first start, and tables go in foreign-key order.
                s.execute(
                        superuser(connection)
                                ? "set local session_replication_role = replica"
                                : "select set_config('broadsheet.search_deferred', 'on', true)");
                s.execute("truncate " + DatabaseExport.quoteAll(List.copyOf(tables.keySet())));
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long rows = 0;
            for (String name : inReferenceOrder(connection, tables.keySet())) {
                Manifest.Table table = tables.get(name);
                try (InputStream in =
                        zip.getInputStream(zip.getEntry(table.entry().name()))) {
                    rows += copy.copyIn(
                            "copy " + DatabaseExport.quote(name) + " (" + DatabaseExport.quoteAll(table.columns())
                                    + ") from stdin",
                            in);
                }
            }
            setSequences(connection, manifest.sequences());
            connection.commit();
            return rows;
        } finally {
            connection.rollback();
        }
    }

    /** The archive's tables by name, each one the schema has, with columns it has; and all of them. */
    private static Map<String, Manifest.Table> matched(Connection connection, Manifest manifest) throws SQLException {
        Map<String, Long> schema = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(TABLES)) {
            while (rs.next()) {
                schema.put(rs.getString(1), rs.getLong(2));
            }
        }
        Map<String, Manifest.Table> tables = new LinkedHashMap<>();
        for (Manifest.Table table : manifest.tables()) {
            Long oid = schema.get(table.name());
            if (oid == null) {
                throw new SQLException("The archive holds a table " + table.name() + " that schema version "
                        + manifest.schemaVersion() + " does not have");
            }
            if (!new HashSet<>(DatabaseExport.columns(connection, oid)).containsAll(table.columns())) {
                throw new SQLException("The archive's table " + table.name() + " has columns the schema's does not");
            }
            tables.put(table.name(), table);
        }
        if (!tables.keySet().equals(schema.keySet())) {
            Set<String> missing = new HashSet<>(schema.keySet());
            missing.removeAll(tables.keySet());
            throw new SQLException("The archive lacks the tables " + missing);
        }
        return tables;
    }

    private static boolean superuser(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Tables so that each comes after those it references (a cycle keeps the rest in name order). */
    private static List<String> inReferenceOrder(Connection connection, Set<String> names) throws SQLException {
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        names.stream().sorted().forEach(n -> needs.put(n, new HashSet<>()));
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(REFERENCES)) {
            while (rs.next()) {
                Set<String> of = needs.get(unquoted(rs.getString(1)));
                if (of != null) {
                    of.add(unquoted(rs.getString(2)));
                }
            }
        }
        List<String> order = new ArrayList<>();
        while (!needs.isEmpty()) {
            String next = needs.entrySet().stream()
                    .filter(e -> order.containsAll(e.getValue()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(needs.keySet().iterator().next());
            order.add(next);
            needs.remove(next);
        }
        return order;
    }

    private static String unquoted(String regclass) {
        return regclass.startsWith("\"")
                ? regclass.substring(1, regclass.length() - 1).replace("\"\"", "\"")
                : regclass;
    }

    private static void setSequences(Connection connection, List<Manifest.Sequence> sequences) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                select setval(format('%I', s.sequencename)::regclass, ?, ?) from pg_sequences s
                 where s.schemaname = current_schema() and s.sequencename = ?
                """)) {
            for (Manifest.Sequence sequence : sequences) {
                s.setLong(1, sequence.value());
                s.setBoolean(2, sequence.called());
                s.setString(3, sequence.name());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException(
                                "The archive holds a sequence " + sequence.name() + " that the schema does not have");
                    }
                }
            }
        }
    }
}

package org.broadsheet.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.broadsheet.backup.BackupRestoreTests.Outcome;
import org.broadsheet.platform.EmbeddedPostgresServer;
import org.broadsheet.platform.JarCommand;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;

/**
 * An archive made by an older Broadsheet (its schema at an earlier migration) from an external
 * PostgreSQL ({@code spring.datasource.url}) restores into an empty data directory and comes up
 * to date: the newer migrations run after its rows are in, and its sequences go on from where
 * they were.
 */
class OlderArchiveTests {

    @TempDir
    Path temp;

    @Test
    void anOlderArchiveFromAnExternalDatabaseIsRestoredAndMigratedUpToDate() throws Exception {
        Path archive = temp.resolve("older.zip");
        try (EmbeddedPostgresServer external = EmbeddedPostgresServer.start(temp.resolve("external"))) {
            Flyway.configure()
                    .dataSource(external.jdbcUrl(), external.username(), "")
                    .locations("classpath:db/migration")
                    .target("15")
                    .load()
                    .migrate();
            sql(external.jdbcUrl(), "insert into section (slug, name) values ('tides', 'Tides'), ('quays', 'Quays')");

            Outcome backup = BackupRestoreTests.command(
                    new BackupCommand(),
                    archive.toString(),
                    "--spring.datasource.url=" + external.jdbcUrl(),
                    "--spring.datasource.username=" + external.username(),
                    "--broadsheet.data-dir=" + temp.resolve("elsewhere"));
            assertThat(backup.code()).as(backup.err()).isEqualTo(JarCommand.OK);
            assertThat(backup.out()).contains("the PostgreSQL at").contains("schema version 15,");
        }

        Path restored = temp.resolve("restored");
        Outcome restore = BackupRestoreTests.command(new RestoreCommand(), archive, restored);
        assertThat(restore.code()).as(restore.err()).isEqualTo(JarCommand.OK);
        assertThat(restore.out()).contains("schema version 15").containsPattern("[1-9]\\d* newer migrations applied");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(restored)) {
            sql(server.jdbcUrl(), "insert into section (slug, name) values ('ferries', 'Ferries')");
            assertThat(sql(server.jdbcUrl(), "select string_agg(id || ' ' || slug, ', ' order by id) from section"))
                    .isEqualTo("1 tides, 2 quays, 3 ferries");
            assertThat(sql(server.jdbcUrl(), "select max(version::int)::text from flyway_schema_history"))
                    .as("the newest migration of this jar")
                    .isEqualTo(
                            new Migrations(new StandardEnvironment()).newest().getVersion())
                    .isNotEqualTo("15");
            assertThat(sql(server.jdbcUrl(), "select count(*)::text from wordpress_import_job"))
                    .as("V16's table, made after the rows went in")
                    .isEqualTo("0");
        }
    }

    private static String sql(String url, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement()) {
            if (!s.execute(statement)) {
                return "";
            }
            try (ResultSet rs = s.getResultSet()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}

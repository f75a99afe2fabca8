package org.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.broadsheet.BroadsheetApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** With spring.datasource.url set, Broadsheet uses that PostgreSQL and starts no embedded one. */
class ExternalDatabaseTests {

    @TempDir
    Path external;

    @TempDir
    Path dataDir;

    @Test
    void externalDatabaseIsMigratedAndNoEmbeddedServerStarts() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(external)) {
            // as main() runs it, which starts an embedded server early unless a URL is set
            try (ConfigurableApplicationContext app = BroadsheetApplication.site()
                    .run(
                            "--server.port=0",
                            "--broadsheet.data-dir=" + dataDir,
                            "--broadsheet.demo=true",
                            "--spring.datasource.url=" + server.jdbcUrl(),
                            "--spring.datasource.username=postgres")) {
                assertThat(app.getBeanFactory().containsSingleton("embeddedPostgresServer"))
                        .as("an embedded server was started")
                        .isFalse();
            }
            assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from article where status = 'published'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1))
                        .as("demo edition loaded into the external database")
                        .isGreaterThan(20);
            }
        }
    }
}

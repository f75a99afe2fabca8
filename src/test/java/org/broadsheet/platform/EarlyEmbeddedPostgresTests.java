package org.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.broadsheet.BroadsheetApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The site as {@code main} runs it starts its embedded PostgreSQL while Spring reads the
 * configuration, hands that server to the data source, and stops it again when the start fails
 * before the data source took it.
 */
class EarlyEmbeddedPostgresTests {

    @TempDir
    Path dataDir;

    @Test
    void theDataSourceUsesTheServerStartedBeforeTheConfigurationWasRead() throws Exception {
        try (ConfigurableApplicationContext site = BroadsheetApplication.site()
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--broadsheet.data-dir=" + dataDir,
                        "--broadsheet.demo=false")) {
            EarlyEmbeddedPostgres.Start early =
                    site.getBean(EarlyEmbeddedPostgres.BEAN_NAME, EarlyEmbeddedPostgres.Start.class);
            EmbeddedPostgresServer server = site.getBean(EmbeddedPostgresServer.class);

            assertThat(early.dataDir()).isEqualTo(dataDir);
            assertThatThrownBy(early::take)
                    .as("the data source took the early server")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("taken already");
            assertThat(EmbeddedPostgresServer.runningPort(dataDir))
                    .as("the one server running from the data directory")
                    .hasValue(Integer.parseInt(server.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1")));
            assertThat(site.getBean(JdbcClient.class)
                            .sql("select count(*) from flyway_schema_history where success")
                            .query(Long.class)
                            .single())
                    .as("migrations ran on it")
                    .isGreaterThan(10);
        }
        assertThat(EmbeddedPostgresServer.runningPort(dataDir))
                .as("stopped with the site")
                .isEmpty();
    }

    @Test
    void aDirectoryInUseFailsTheStartWithTheExceptionItAlwaysHad() throws Exception {
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(dataDir)) {
            assertThatThrownBy(() -> BroadsheetApplication.site()
                            .run(
                                    "--server.port=0",
                                    "--management.server.port=0",
                                    "--broadsheet.data-dir=" + dataDir,
                                    "--broadsheet.demo=false"))
                    .as("thrown on the starting thread, rethrown where the data source takes the server")
                    .hasRootCauseInstanceOf(DataDirectoryInUseException.class);

            assertThat(EmbeddedPostgresServer.runningPort(dataDir))
                    .as("the server already running is left alone")
                    .hasValue(Integer.parseInt(running.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1")));
        }
    }

    @Test
    void aStartThatFailsBeforeTheDataSourceStopsTheServerAndFreesTheDirectory() throws Exception {
        assertThatThrownBy(() -> BroadsheetApplication.site()
                        .run(
                                "--server.port=0",
                                "--management.server.port=0",
                                "--broadsheet.data-dir=" + dataDir,
                                "--broadsheet.demo=false",
                                // refused while the configuration is read, before any bean is made
                                "--spring.autoconfigure.exclude=" + BroadsheetApplication.class.getName()))
                .hasMessageContaining("not auto-configuration classes");

        assertThat(EmbeddedPostgresServer.runningPort(dataDir))
                .as("a server left running")
                .isEmpty();
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(again.pid())
                    .as("the directory is free for the next start")
                    .isPositive();
        }
    }
}

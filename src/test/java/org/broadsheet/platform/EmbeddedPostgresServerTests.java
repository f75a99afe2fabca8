package org.broadsheet.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTests {

    @TempDir
    Path dataDir;

    @Test
    void dataSurviveARestart() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
             Connection c = connect(server); Statement s = c.createStatement()) {
            s.execute("create table kept (word text)");
            s.execute("insert into kept values ('still here')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
             Connection c = connect(server); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select word from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void secondServerOnTheSameDataDirectoryRefusesToStart() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining(dataDir.toString());
            try (Connection c = connect(first); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select 1")) {
                assertThat(rs.next()).as("the first server is unharmed").isTrue();
            }
        }
    }

    @Test
    void failureAnalysisTellsWhatToDo() {
        var analysis = new DataDirectoryInUseFailureAnalyzer().analyze(new DataDirectoryInUseException(dataDir));
        assertThat(analysis.getDescription()).contains("already running").contains(dataDir.toString());
        assertThat(analysis.getAction()).contains("--broadsheet.data-dir");
    }

    private static Connection connect(EmbeddedPostgresServer server) throws Exception {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
    }
}

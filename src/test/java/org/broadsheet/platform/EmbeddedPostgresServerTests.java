package org.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTests {

    @TempDir
    Path dataDir;

    @Test
    void dataSurviveARestart() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
                Connection c = connect(server);
                Statement s = c.createStatement()) {
            s.execute("create table kept (word text)");
            s.execute("insert into kept values ('still here')");
        }
        assertThat(keptWordAfterAStart()).isEqualTo("still here");
    }

    @Test
    void secondServerOnTheSameDataDirectoryRefusesToStart() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining(dataDir.toString());
            try (Connection c = connect(first);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select 1")) {
                assertThat(rs.next()).as("the first server is unharmed").isTrue();
            }
        }
    }

    @Test
    void serverLeftRunningByAKilledBroadsheetIsStoppedAndDataKept() throws Exception {
        // Another JVM starts the server, writes, and is killed with SIGKILL: its PostgreSQL lives on.
        Process crashing = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingServer.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(crashing.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("written")) {
                // start-up noise
            }
            assertThat(line).as("the crashing server wrote its row").isEqualTo("written");
        }
        crashing.destroyForcibly().waitFor();

        assertThat(keptWordAfterAStart()).isEqualTo("survived");
    }

    /** Starts a server on {@link #dataDir} and reads the word a test kept there before. */
    private String keptWordAfterAStart() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
                Connection c = connect(server);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select word from kept")) {
            assertThat(rs.next()).as("the kept row").isTrue();
            return rs.getString(1);
        }
    }

    /** Starts a server on the directory given, writes a row, says so, and waits to be killed. */
    static final class CrashingServer {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
            try (Connection c = connect(server);
                    Statement s = c.createStatement()) {
                s.execute("create table kept (word text)");
                s.execute("insert into kept values ('survived')");
            }
            System.out.println("written");
            System.out.flush();
            Thread.sleep(60_000);
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

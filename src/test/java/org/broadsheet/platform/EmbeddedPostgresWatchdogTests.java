package org.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The embedded PostgreSQL killed under a running Broadsheet: started again, or the log says why not. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPostgresWatchdogTests {

    @TempDir
    Path dataDir;

    @Test
    void aKilledServerIsStartedAgainOnItsPortWithItsData(CapturedOutput output) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            write(server, "before the kill");
            long killed = server.pid();

            ProcessHandle.of(killed).orElseThrow().destroyForcibly(); // SIGKILL
            // The signal lands a moment later: a read straight away could still reach the old server.
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (server.pid() == killed && System.nanoTime() < end) {
                Thread.sleep(50);
            }

            assertThat(readWithin(server, Duration.ofSeconds(30)))
                    .as("the row, read on the same address")
                    .isEqualTo("before the kill");
            assertThat(server.pid()).isNotEqualTo(killed).isPositive();
            assertThat(output.getAll())
                    .contains("The embedded PostgreSQL (pid " + killed)
                    .contains("stopped unexpectedly; restarting it")
                    .contains("The embedded PostgreSQL runs again");
        }
    }

    @Test
    void aServerThatCannotStartAgainSaysWhyAndKeepsTrying(CapturedOutput output) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            write(server, "kept");
            int port = Integer.parseInt(server.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
            ServerSocket taken;
            // The watchdog restarts under the server's lock: holding it here, the port is taken
            // before the first attempt, which would otherwise win the race on a quick machine.
            synchronized (server) {
                ProcessHandle postmaster = ProcessHandle.of(server.pid()).orElseThrow();
                postmaster.destroyForcibly();
                postmaster.onExit().get(10, TimeUnit.SECONDS);
                taken = squat(port);
            }
            try (ServerSocket squatter = taken) {
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!output.getAll().contains("Cannot restart the embedded PostgreSQL") && System.nanoTime() < end) {
                    Thread.sleep(100);
                }
                assertThat(output.getAll())
                        .contains("Cannot restart the embedded PostgreSQL in " + dataDir.resolve("postgres"))
                        .contains("on port " + port + " (attempt 1)")
                        .contains("Retrying in 1 s");
            }
            assertThat(readWithin(server, Duration.ofSeconds(30)))
                    .as("once the port is free again")
                    .isEqualTo("kept");
        }
    }

    /**
     * Takes the killed server's port before the watchdog can, on every address, listening, so
     * that neither PostgreSQL nor the watchdog's check can bind it. With address reuse on: the
     * killed server's connections may leave the port in TIME_WAIT for a minute, which a plain
     * bind would take for a port in use (it did, one run in five).
     */
    private static ServerSocket squat(int port) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(port));
                return socket;
            } catch (java.net.BindException stillHeld) {
                if (System.nanoTime() > end) {
                    throw stillHeld;
                }
                Thread.sleep(20);
            }
        }
    }

    private static void write(EmbeddedPostgresServer server, String word) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
                Statement s = c.createStatement()) {
            s.execute("create table kept (word text)");
            s.execute("insert into kept values ('" + word.replace("'", "''") + "')");
        }
    }

    private static String readWithin(EmbeddedPostgresServer server, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select word from kept")) {
                rs.next();
                return rs.getString(1);
            } catch (SQLException notYet) {
                if (System.nanoTime() > end) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }
}

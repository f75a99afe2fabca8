package org.broadsheet.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.broadsheet.platform.EmbeddedPostgresServer;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The database a command works on, found as the site finds it: the external PostgreSQL of
 * {@code spring.datasource.url} when set; otherwise the embedded one of the data directory —
 * reached on its port while a running Broadsheet holds the directory (an online backup), or
 * started by the command when none does (the directory is then locked until {@link #close()}).
 */
final class DatabaseTarget implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String description;
    private final @Nullable EmbeddedPostgresServer started;

    private DatabaseTarget(
            String url, String user, String password, String description, @Nullable EmbeddedPostgresServer started) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.description = description;
        this.started = started;
    }

    /**
     * The database of {@code environment}. With {@code joinRunning} (a backup) a data directory in
     * use by a running Broadsheet is joined, and one without a database refused; without it (a
     * restore) a directory in use is refused ({@link IllegalStateException}).
     */
    static DatabaseTarget of(Environment environment, Path dataDir, boolean joinRunning) throws IOException {
        String external = environment.getProperty("spring.datasource.url", "");
        if (StringUtils.hasText(external)) {
            return new DatabaseTarget(
                    external,
                    environment.getProperty("spring.datasource.username", ""),
                    environment.getProperty("spring.datasource.password", ""),
                    "the PostgreSQL at " + external,
                    null);
        }
        Optional<Integer> running = EmbeddedPostgresServer.runningPort(dataDir);
        if (running.isPresent()) {
            if (!joinRunning) {
                throw new IllegalStateException("The data directory " + dataDir
                        + " is in use by a running Broadsheet; stop it, or restore into another directory");
            }
            return new DatabaseTarget(
                    "jdbc:postgresql://localhost:" + running.get() + "/postgres",
                    "postgres",
                    "",
                    "the running site's database in " + dataDir,
                    null);
        }
        if (joinRunning && !Files.isDirectory(dataDir.resolve("postgres"))) {
            throw new IllegalStateException("There is no database in " + dataDir.toAbsolutePath()
                    + " (no postgres directory): is --broadsheet.data-dir right?");
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
        return new DatabaseTarget(server.jdbcUrl(), server.username(), "", "the database in " + dataDir, server);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() throws IOException {
        if (started != null) {
            started.close();
        }
    }
}

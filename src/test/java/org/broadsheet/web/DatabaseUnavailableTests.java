package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.broadsheet.platform.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Which failures are an unavailable database (503) and which are faults (500), on errors raised
 * by a real PostgreSQL and translated by Spring as the site's repositories see them. A full disk
 * (53100) and an I/O error (58030) cannot be made on demand without root and a tiny file system,
 * so PostgreSQL is asked to raise exactly those SQLSTATEs.
 */
class DatabaseUnavailableTests {

    @TempDir
    static Path dataDir;

    private static EmbeddedPostgresServer server;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        server = EmbeddedPostgresServer.start(dataDir);
        jdbc = new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl(), server.username(), ""));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aFullDiskIsUnavailable() {
        assertThat(DatabaseUnavailable.explains(raised("disk_full"))).isTrue();
    }

    @Test
    void anIoErrorIsUnavailable() {
        assertThat(DatabaseUnavailable.explains(raised("io_error"))).isTrue();
    }

    @Test
    void aServerShuttingDownIsUnavailable() {
        assertThat(DatabaseUnavailable.explains(raised("admin_shutdown"))).isTrue();
        assertThat(DatabaseUnavailable.explains(raised("cannot_connect_now"))).isTrue();
        assertThat(DatabaseUnavailable.explains(raised("too_many_connections"))).isTrue();
    }

    @Test
    void aFaultOfTheRequestOrTheCodeIsNot() {
        assertThat(DatabaseUnavailable.explains(raised("unique_violation"))).isFalse();
        assertThat(DatabaseUnavailable.explains(raised("syntax_error"))).isFalse();
        assertThat(DatabaseUnavailable.explains(raised("query_canceled"))).isFalse();
        assertThat(DatabaseUnavailable.explains(new IllegalStateException("a bug")))
                .isFalse();
        assertThat(DatabaseUnavailable.explains(null)).isFalse();
    }

    @Test
    void noConnectionFromThePoolIsUnavailable() {
        var timedOut = new SQLTransientConnectionException("broadsheet - Connection is not available");
        assertThat(DatabaseUnavailable.explains(new CannotGetJdbcConnectionException("no connection", timedOut)))
                .isTrue();
        assertThat(DatabaseUnavailable.explains(new RuntimeException(timedOut))).isTrue();
    }

    @Test
    void aRefusedConnectionIsUnavailable() {
        var refused = catchThrowable(() -> new JdbcTemplate(new DriverManagerDataSource(
                        "jdbc:postgresql://localhost:1/postgres?connectTimeout=2", "postgres", ""))
                .queryForObject("select 1", Integer.class));
        assertThat(refused).isNotNull();
        assertThat(DatabaseUnavailable.explains(refused)).isTrue();
    }

    /** What a repository gets when PostgreSQL fails a statement with the condition named. */
    private static Throwable raised(String condition) {
        Throwable failure = catchThrowable(() ->
                jdbc.execute("do $$ begin raise exception 'made to fail' using errcode = '" + condition + "'; end $$"));
        assertThat(failure).as(condition).isNotNull().hasRootCauseInstanceOf(SQLException.class);
        return failure;
    }
}

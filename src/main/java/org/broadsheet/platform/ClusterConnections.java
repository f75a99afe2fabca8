package org.broadsheet.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Connections of the event bus's own, outside the pool, to the pool's database: the bus's
 * threads hold them for as long as the node runs, and must never keep a request waiting for a
 * pooled connection.
 */
@Component
record ClusterConnections(HikariDataSource dataSource) {

    /** A new autocommit connection, named {@code applicationName} in {@code pg_stat_activity}. */
    Connection open(String applicationName) throws SQLException {
        Properties properties = new Properties();
        if (dataSource.getUsername() != null) {
            properties.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            properties.setProperty("password", dataSource.getPassword());
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("tcpKeepAlive", "true");
        Connection c = DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
        c.setAutoCommit(true);
        return c;
    }

    /** Closes the socket under a thread that may be waiting on it, without waiting for that thread. */
    static void abort(@Nullable Connection c) {
        if (c != null) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException ignored) {
                // closing is all that was wanted
            }
        }
    }
}

package org.broadsheet.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures mean "the database cannot serve us just now" rather than a fault of the request
 * or of the code: no connection within the pool's timeout, a connection lost, PostgreSQL shutting
 * down or starting, a full disk, an I/O error. Those are answered with 503 and
 * {@code Retry-After} (the site's error page, or a problem under {@code /api/}), never a 500:
 * nothing was changed, and the same request will work once the database is back.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before trying again. */
    public static final String RETRY_AFTER_SECONDS = "10";

    private DatabaseUnavailable() {}

    /** Whether {@code failure} (or one of its causes) is the database being out of reach or out of room. */
    public static boolean explains(@Nullable Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof DataAccessResourceFailureException // CannotGetJdbcConnectionException too
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException // Hikari's "connection is not available"
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && unavailable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's SQLSTATEs for the same: class 08 (connection exception), class 53
     * (insufficient resources: 53100 disk_full, 53200 out_of_memory, 53300 too_many_connections),
     * 57P01–57P03 (admin or crash shutdown, cannot connect now), 58030 (io_error).
     */
    static boolean unavailable(@Nullable String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08")
                        || sqlState.startsWith("53")
                        || sqlState.startsWith("57P")
                        || sqlState.equals("58030"));
    }
}

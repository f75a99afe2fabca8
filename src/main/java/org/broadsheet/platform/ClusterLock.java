package org.broadsheet.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that exactly one node may do at a time, such as filling an empty database on a first
 * start while other nodes start beside it: a PostgreSQL advisory lock held until the
 * caller's transaction ends. Whoever waited for it then sees what the holder committed, so
 * it checks again whether the work is still to do. Thread-safe.
 * <pre>
 * &#64;Transactional
 * void loadOnce() {
 *     lock.holdUntilTransactionEnds("broadsheet.demo");
 *     if (nothingThereYet()) { ... }
 * }
 * </pre>
 */
@Component
public final class ClusterLock {

    private final JdbcClient jdbc;

    ClusterLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits until no other transaction, on any node, holds the lock named {@code name}, then
     * holds it until the current transaction commits or rolls back.
     *
     * @throws IllegalStateException outside a transaction, where the lock would be let go at once
     */
    public void holdUntilTransactionEnds(String name) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The lock " + name + " needs a transaction to hold it");
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param(name)
                .query()
                .singleRow();
    }
}

package org.broadsheet.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends every {@link ClusterEvent} published on this node to the others, through
 * {@code pg_notify} on the connection of the transaction that published it: PostgreSQL delivers
 * the notification when that transaction commits, and never if it rolls back, so other nodes
 * hear of exactly the changes that happened, after they are visible to them.
 */
@Component
class ClusterEventSender {

    private static final Logger log = LoggerFactory.getLogger(ClusterEventSender.class);

    private final JdbcClient jdbc;
    private final ClusterEventCodec codec;

    ClusterEventSender(JdbcClient jdbc, ClusterEventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    @EventListener
    void send(ClusterEvent event) {
        if (codec.relaying()) {
            return; // it came from another node, which has told everyone
        }
        String payload = codec.encode(event);
        try {
            jdbc.sql("SELECT pg_notify(?, ?)").params(ClusterEventCodec.CHANNEL, payload).query().listOfRows();
        } catch (DataAccessException e) {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                throw e; // the change itself cannot commit on a connection that failed
            }
            // The change was committed before it was announced: keep it, and say that other
            // nodes see it only when their caches expire.
            log.warn("Could not tell other nodes about {}; they will see it when their caches expire: {}",
                    event.getClass().getSimpleName(), e.getMessage());
        }
    }
}

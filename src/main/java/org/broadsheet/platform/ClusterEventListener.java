package org.broadsheet.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Hears what other nodes announce ({@link ClusterEvent}) and publishes it on this node.
 *
 * <p>One thread holds one connection of its own ({@link ClusterConnections}) with {@code LISTEN}. When
 * the connection is lost (PostgreSQL restarted, a network cut) it reconnects, waiting longer
 * after each failure up to {@link #MAX_BACKOFF}, and then publishes
 * {@link ClusterEventsResumed} so caches forget what they may have missed. Only the site
 * listens; a command such as {@code create-admin} does not.
 */
@Component
@ConditionalOnWebApplication
class ClusterEventListener extends ClusterThread {

    /** Marks the listening connection in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "broadsheet-events";

    private static final Logger log = LoggerFactory.getLogger(ClusterEventListener.class);
    private static final int RECEIVE_WAIT_MILLIS = 5_000;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    // Short: until it listens again, this node's caches keep what they held before an outage
    // (dropped on reconnecting); one connection attempt every 5 s costs PostgreSQL nothing.
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ClusterConnections connections;
    private final ClusterEventCodec codec;
    private final ApplicationEventPublisher events;

    private volatile @Nullable Connection connection;

    private final Counter received;
    private final Counter reconnects;

    ClusterEventListener(
            ClusterConnections connections,
            ClusterEventCodec codec,
            ApplicationEventPublisher events,
            MeterRegistry registry) {
        super("cluster-events");
        this.connections = connections;
        this.codec = codec;
        this.events = events;
        this.received = Counter.builder("broadsheet.events.in")
                .description("Events heard from other nodes")
                .register(registry);
        this.reconnects = Counter.builder("broadsheet.events.reconnects")
                .description("Times the listening connection was made again after it was lost")
                .register(registry);
        Gauge.builder("broadsheet.events.listening", this, listener -> listener.connection == null ? 0 : 1)
                .description("1 while this node listens to the others, 0 while it cannot")
                .register(registry);
    }

    /** Ends a wait for notifications (by closing its socket) or a pause before reconnecting. */
    @Override
    protected void wake(Thread thread) {
        ClusterConnections.abort(connection);
        thread.interrupt();
    }

    @Override
    protected void work() {
        Outage outage = new Outage();
        while (running()) {
            try (Connection c = connections.open(APPLICATION_NAME)) {
                connection = c;
                listen(c);
                outage.end();
                events.publishEvent(new ClusterEventsResumed());
                receive(c.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (!running()) {
                    return;
                }
                outage.failed(e);
                if (!sleep(outage.nextPause())) {
                    return;
                }
            } finally {
                connection = null;
            }
        }
    }

    private static void listen(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + ClusterEventCodec.CHANNEL);
        }
    }

    private void receive(PGConnection pg) throws SQLException {
        while (running()) {
            PGNotification[] received = pg.getNotifications(RECEIVE_WAIT_MILLIS);
            if (received != null) {
                for (PGNotification notification : received) {
                    deliver(notification.getParameter());
                }
            }
        }
    }

    private void deliver(String payload) {
        for (ClusterEvent event : codec.decode(payload)) {
            received.increment();
            try {
                codec.relay(() -> events.publishEvent(event));
            } catch (RuntimeException e) {
                log.warn(
                        "A listener failed on {} from another node",
                        event.getClass().getSimpleName(),
                        e);
            }
        }
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** While reconnecting: why the connection was lost, whether that was said, how long to wait next. */
    private final class Outage {

        private Duration backoff = FIRST_BACKOFF;
        private @Nullable String lost; // why the last connection ended, while reconnecting
        private boolean warned;

        void end() {
            if (lost != null) {
                reconnects.increment();
                log.info("Listening to other nodes again, after: {}", lost);
            }
            lost = null;
            warned = false;
            backoff = FIRST_BACKOFF;
        }

        void failed(Exception e) {
            // A dropped connection is said once reconnected (or once reconnecting fails): when
            // the node is shutting down with its embedded PostgreSQL, it is no news at all.
            if (lost == null) {
                lost = String.valueOf(e.getMessage());
            } else if (!warned) {
                log.warn("Cannot reach PostgreSQL to hear other nodes; retrying: {}", e.getMessage());
                warned = true;
            }
        }

        /** Each pause twice the last, up to {@code MAX_BACKOFF}. */
        Duration nextPause() {
            Duration pause = backoff;
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            return pause;
        }
    }
}

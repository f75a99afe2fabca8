package org.broadsheet.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends every {@link ClusterEvent} published on this node to the others with
 * {@code pg_notify}, once the transaction that published it has committed (at once when there
 * is none): other nodes hear of exactly the changes that happened, after they can read them.
 *
 * <p>Events wait in a queue for one sending thread with a connection of its own
 * ({@link ClusterConnections}, so no request waits for a pooled one). It sends an event at
 * once when it has been idle, and otherwise at most one notification per
 * {@link #MIN_INTERVAL} with whatever has gathered, duplicates dropped: a busy node (readers
 * posting hundreds of comments a second) sends tens of notifications a second, not hundreds.
 * Writers never notify themselves: a transaction that notifies takes a lock PostgreSQL holds
 * until its commit is on disk, which would make concurrent writers commit one by one. An
 * event is lost to other nodes only if this process dies between a commit and the send, or
 * PostgreSQL cannot be reached; their caches' TTLs bound what they then miss.
 */
@Component
class ClusterEventSender extends ClusterThread {

    private static final Logger log = LoggerFactory.getLogger(ClusterEventSender.class);
    private static final int MAX_PENDING = 10_000;
    /** Marks the sending connection in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "broadsheet-events-out";
    /** The least time between two notifications from this node. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(20);

    private final ClusterConnections connections;
    private final ClusterEventCodec codec;
    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>(MAX_PENDING);

    private final Counter queued;
    private final Counter dropped;
    private final Counter sent;
    private final Counter failed;

    private volatile boolean overflowing;
    private @Nullable Connection connection; // the sending thread's only
    private @Nullable PreparedStatement notify;

    ClusterEventSender(ClusterConnections connections, ClusterEventCodec codec, MeterRegistry registry) {
        super("cluster-events-out");
        this.connections = connections;
        this.codec = codec;
        String events = "broadsheet.events.out";
        this.queued = Counter.builder(events)
                .description("Events for other nodes: queued after commit, dropped (queue full)")
                .tag("result", "queued")
                .register(registry);
        this.dropped = Counter.builder(events).tag("result", "dropped").register(registry);
        String notifications = "broadsheet.events.notifications";
        this.sent = Counter.builder(notifications)
                .description("pg_notify calls carrying events to other nodes, sent or failed")
                .tag("result", "sent")
                .register(registry);
        this.failed = Counter.builder(notifications).tag("result", "failed").register(registry);
        Gauge.builder("broadsheet.events.out.waiting", pending, BlockingQueue::size)
                .description("Events waiting to be sent")
                .register(registry);
    }

    @EventListener
    void send(ClusterEvent event) {
        if (codec.relaying()) {
            return; // it came from another node, which has told everyone
        }
        String line = codec.line(event); // an event that cannot travel fails where it is published
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    enqueue(line);
                }
            });
        } else {
            enqueue(line);
        }
    }

    private void enqueue(String line) {
        if (pending.offer(line)) {
            queued.increment();
            overflowing = false;
            return;
        }
        dropped.increment();
        if (!overflowing) {
            overflowing = true;
            log.warn(
                    "More than {} events wait to be sent to other nodes; dropping new ones until they go "
                            + "(other nodes see those changes when their caches expire)",
                    MAX_PENDING);
        }
    }

    /** Sends what is still waiting, then stops. */
    @Override
    protected void work() {
        List<String> drained = new ArrayList<>();
        long lastSent = 0;
        try {
            while (running() || !pending.isEmpty()) {
                String first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                long wait = lastSent + MIN_INTERVAL.toNanos() - System.nanoTime();
                if (wait > 0 && running()) {
                    TimeUnit.NANOSECONDS.sleep(wait); // let more gather: one notification for them all
                }
                drained.clear();
                drained.add(first);
                pending.drainTo(drained);
                for (String payload : codec.payloads(new LinkedHashSet<>(drained))) {
                    notifyOthers(payload);
                }
                lastSent = System.nanoTime();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    private void notifyOthers(String payload) {
        try {
            if (connection == null) {
                connection = connections.open(APPLICATION_NAME);
                notify = connection.prepareStatement("SELECT pg_notify(?, ?)");
                notify.setString(1, ClusterEventCodec.CHANNEL);
            }
            notify.setString(2, payload);
            notify.execute();
            sent.increment();
        } catch (SQLException e) {
            failed.increment();
            close(); // a new connection for the next batch
            log.warn(
                    "Could not tell other nodes of a change; they will see it when their caches expire: {}",
                    e.getMessage());
        }
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a new one is opened when needed
            }
        }
        connection = null;
        notify = null;
    }
}

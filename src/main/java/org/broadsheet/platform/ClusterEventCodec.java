package org.broadsheet.platform;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a {@link ClusterEvent} travels as a {@code NOTIFY} payload:
 * {@code <node id> <event class> <event as JSON>}. The node id lets a node ignore what it
 * sent itself (its own listeners heard it when it was published).
 */
@Component
class ClusterEventCodec {

    /** The PostgreSQL channel every node listens on. */
    static final String CHANNEL = "broadsheet_events";

    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7999;

    private static final Logger log = LoggerFactory.getLogger(ClusterEventCodec.class);
    private static final String PACKAGE = "org.broadsheet.";

    private final String node = UUID.randomUUID().toString();
    private final JsonMapper json = JsonMapper.builder().build();
    private final ThreadLocal<Boolean> relaying = ThreadLocal.withInitial(() -> false);

    /** This node's id, different at every start. */
    String node() {
        return node;
    }

    /** @throws IllegalArgumentException the event cannot be written, or is too big for a notification */
    String encode(ClusterEvent event) {
        String payload;
        try {
            payload = node + " " + event.getClass().getName() + " " + json.writeValueAsString(event);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Cannot send " + event.getClass().getName() + " to other nodes", e);
        }
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException(event.getClass().getName() + " is too big for a notification");
        }
        return payload;
    }

    /**
     * The event another node sent, or empty when this node sent it, or when the payload is not
     * one of Broadsheet's cluster events (logged: a newer node may send an event this one does not know).
     */
    Optional<ClusterEvent> decode(String payload) {
        String[] parts = payload.split(" ", 3);
        if (parts.length != 3) {
            log.warn("Ignored a malformed cluster event");
            return Optional.empty();
        }
        if (parts[0].equals(node)) {
            return Optional.empty();
        }
        String type = parts[1];
        try {
            if (!type.startsWith(PACKAGE)) {
                throw new ClassNotFoundException(type);
            }
            Class<?> cls = Class.forName(type, false, ClusterEventCodec.class.getClassLoader());
            if (!ClusterEvent.class.isAssignableFrom(cls)) {
                throw new ClassNotFoundException(type);
            }
            return Optional.of((ClusterEvent) json.readValue(parts[2], cls));
        } catch (ClassNotFoundException | JacksonException e) {
            log.warn("Ignored a cluster event this node cannot read: {}", type);
            return Optional.empty();
        }
    }

    /** Runs {@code publish} (a received event's local publication) so that it is not sent back out. */
    void relay(Runnable publish) {
        relaying.set(true);
        try {
            publish.run();
        } finally {
            relaying.remove();
        }
    }

    /** Whether the current thread is publishing an event that came from another node. */
    boolean relaying() {
        return relaying.get();
    }
}

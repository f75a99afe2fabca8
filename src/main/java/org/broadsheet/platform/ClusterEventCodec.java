package org.broadsheet.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * How {@link ClusterEvent}s travel as {@code NOTIFY} payloads: the sending node's id on the
 * first line, then one line per event, {@code <event class> <event as JSON>} (JSON never
 * holds a raw line break). The node id lets a node ignore what it sent itself (its own
 * listeners heard it when it was published).
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

    /**
     * One event as a payload line.
     *
     * @throws IllegalArgumentException the event cannot be written, or is too big for a notification
     */
    String line(ClusterEvent event) {
        String line;
        try {
            line = event.getClass().getName() + " " + json.writeValueAsString(event);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Cannot send " + event.getClass().getName() + " to other nodes", e);
        }
        if (bytes(node) + 1 + bytes(line) > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException(event.getClass().getName() + " is too big for a notification");
        }
        return line;
    }

    /** Lines from {@link #line}, packed in order into as few payloads as fit. */
    List<String> payloads(Collection<String> lines) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder(node);
        int size = bytes(node);
        for (String line : lines) {
            int more = 1 + bytes(line);
            if (size + more > MAX_PAYLOAD_BYTES) {
                payloads.add(payload.toString());
                payload = new StringBuilder(node);
                size = bytes(node);
            }
            payload.append('\n').append(line);
            size += more;
        }
        if (size > bytes(node)) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    /**
     * The events another node sent, in order; none when this node sent them. Lines that are
     * not Broadsheet's cluster events are skipped and logged (a newer node may send an event
     * this one does not know).
     */
    List<ClusterEvent> decode(String payload) {
        String[] lines = payload.split("\n");
        if (lines[0].equals(node)) {
            return List.of();
        }
        List<ClusterEvent> events = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] parts = lines[i].split(" ", 2);
            String type = parts[0];
            try {
                if (parts.length != 2 || !type.startsWith(PACKAGE)) {
                    throw new ClassNotFoundException(type);
                }
                Class<?> cls = Class.forName(type, false, ClusterEventCodec.class.getClassLoader());
                if (!ClusterEvent.class.isAssignableFrom(cls)) {
                    throw new ClassNotFoundException(type);
                }
                events.add((ClusterEvent) json.readValue(parts[1], cls));
            } catch (ClassNotFoundException | JacksonException e) {
                log.warn(
                        "Ignored a cluster event this node cannot read: {}",
                        type.length() > 200 ? type.substring(0, 200) : type);
            }
        }
        return events;
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

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}

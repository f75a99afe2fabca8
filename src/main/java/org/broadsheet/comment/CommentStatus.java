package org.broadsheet.comment;

import java.util.Locale;
import java.util.Optional;

/** Where a comment stands: only approved comments are public. */
public enum CommentStatus {
    PENDING("Pending"),
    APPROVED("Approved"),
    SPAM("Spam"),
    TRASH("Trash");

    private final String label;

    CommentStatus(String label) {
        this.label = label;
    }

    /** For people: "Pending". */
    public String label() {
        return label;
    }

    /** The name stored and used in URLs and forms: {@code "pending"}. */
    public String key() {
        return db();
    }

    /** The status with that key; empty for anything else. */
    public static Optional<CommentStatus> fromKey(String key) {
        for (CommentStatus status : values()) {
            if (status.db().equals(key)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CommentStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

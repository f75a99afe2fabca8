package org.broadsheet.comment;

import java.util.Locale;
import java.util.Optional;

/** Which new comments wait for a moderator before they appear. */
public enum Moderation {
    /** Every comment. */
    ALL("Every comment"),
    /** A commenter's first: an email address with no approved comment yet. */
    FIRST("A commenter's first comment; later ones appear at once"),
    /** None (links, moderation words and the blocklist still apply). */
    NONE("None (links, moderation words and the blocklist still hold or block)");

    private final String label;

    Moderation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The name stored and used in forms: {@code "first"}. */
    public String key() {
        return db();
    }

    /** The setting with that key; empty for anything else. */
    public static Optional<Moderation> fromKey(String key) {
        for (Moderation m : values()) {
            if (m.db().equals(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Moderation fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

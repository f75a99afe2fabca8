package org.broadsheet.comment;

import java.util.Locale;

/** Which new comments wait for a moderator before they appear. */
public enum Moderation {
    /** Every comment. */
    ALL,
    /** A commenter's first: an email address with no approved comment yet. */
    FIRST,
    /** None (links, moderation words and the blocklist still apply). */
    NONE;

    String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Moderation fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

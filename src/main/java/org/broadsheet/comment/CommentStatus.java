package org.broadsheet.comment;

import java.util.Locale;

/** Where a comment stands: only approved comments are public. */
public enum CommentStatus {
    PENDING, APPROVED, SPAM, TRASH;

    String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CommentStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

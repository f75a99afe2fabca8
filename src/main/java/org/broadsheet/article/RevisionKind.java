package org.broadsheet.article;

import java.util.Locale;

/** How a revision came about. */
public enum RevisionKind {
    CREATED("Created"),
    SAVED("Saved"),
    RESTORED("Restored"),
    IMPORTED("Imported");

    private final String label;

    RevisionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RevisionKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package org.broadsheet.article;

import java.util.Locale;

/**
 * Where an article is in its life: written as a {@link #DRAFT}, submitted {@link #IN_REVIEW},
 * then {@link #SCHEDULED} or {@link #PUBLISHED}, and perhaps {@link #UNPUBLISHED} again. Only
 * published articles whose time has come are public.
 */
public enum ArticleStatus {
    DRAFT("Draft"),
    IN_REVIEW("In review"),
    SCHEDULED("Scheduled"),
    PUBLISHED("Published"),
    UNPUBLISHED("Unpublished");

    private final String label;

    ArticleStatus(String label) {
        this.label = label;
    }

    /** For people: "In review". */
    public String label() {
        return label;
    }

    /** For forms and URLs, as stored: "in_review". */
    public String key() {
        return db();
    }

    /** The status with that key, or null for anything else (a filter left empty, a forged value). */
    public static ArticleStatus fromKey(String key) {
        for (ArticleStatus status : values()) {
            if (status.db().equals(key)) {
                return status;
            }
        }
        return null;
    }

    String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ArticleStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

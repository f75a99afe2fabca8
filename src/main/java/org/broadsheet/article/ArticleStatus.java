package org.broadsheet.article;

import java.util.Locale;

/** Where an article is in its life. Only {@link #PUBLISHED} articles whose time has come are public. */
public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED;

    String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ArticleStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

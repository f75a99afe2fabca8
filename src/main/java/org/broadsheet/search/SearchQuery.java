package org.broadsheet.search;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A search to run: the text, and the filters a reader chose.
 *
 * @param text      what to look for ({@link SearchText} made it fit)
 * @param sectionId only stories of this section, or null for all
 * @param from      only stories published on this day (in the site's zone) or later, or null
 * @param to        only stories published on this day or earlier, or null
 * @param page      which page of results, from 1
 */
public record SearchQuery(
        SearchText text,
        @Nullable Long sectionId,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        int page) {

    public SearchQuery {
        if (page < 1) {
            throw new IllegalArgumentException("Pages are numbered from 1, not " + page);
        }
    }

    /** A search of all public stories, first page. */
    public static SearchQuery of(String text) {
        return new SearchQuery(SearchText.of(text), null, null, null, 1);
    }
}

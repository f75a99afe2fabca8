package org.broadsheet.search;

import java.util.List;
import org.broadsheet.web.Layout;
import org.broadsheet.web.Pagination;
import org.jspecify.annotations.Nullable;

/**
 * The view of the search page: the form as the reader filled it in, notes about what was
 * typed, and the results.
 *
 * @param query     the text searched for, as the search box shows it again
 * @param from      the first day, {@code yyyy-mm-dd}, or empty
 * @param to        the last day, {@code yyyy-mm-dd}, or empty
 * @param sections  the section filter's choices
 * @param notes     what was changed or left out of the reader's input, and why
 * @param hint      advice when there was nothing to search for or nothing was found, or null
 * @param summary   how many stories were found, or null when nothing was searched
 * @param maxLength the longest search read ({@link SearchText#MAX_LENGTH}), for the box's {@code maxlength}
 */
public record SearchPage(
        Layout layout,
        String query,
        String from,
        String to,
        List<SectionChoice> sections,
        List<String> notes,
        @Nullable String hint,
        @Nullable String summary,
        SearchResults results,
        Pagination pagination,
        int maxLength) {

    /** An option of the section filter. */
    public record SectionChoice(String slug, String name, boolean selected) {}

    public SearchPage {
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
    }
}

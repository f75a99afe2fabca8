package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.web.Pagination;
import org.broadsheet.web.TextSearch;

/**
 * A taxonomy's list page: its terms (a page of them for tags, with the search typed), and the
 * form that adds one.
 *
 * @param search the search typed, or null
 */
public record TermsView(
        TermScreen screen,
        List<Row> rows,
        String caption,
        String search,
        Pagination pagination,
        StaffForm form,
        List<FormField> fields) {

    /** The longest search accepted (longer is cut). */
    public static final int SEARCH_MAX = TextSearch.MAX_LENGTH;

    /**
     * One term in the list.
     *
     * @param detail the column that tells terms apart (a tag's kind), or null
     * @param first  whether it is first in the list (a section cannot move up)
     * @param last   whether it is last (a section cannot move down)
     */
    public record Row(
            long id,
            String name,
            String url,
            String readerUrl,
            String detail,
            long articles,
            boolean first,
            boolean last) {}
}

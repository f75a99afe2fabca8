package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.comment.CommentAction;
import org.broadsheet.comment.StaffComment;
import org.broadsheet.web.DisplayDate;
import org.broadsheet.web.Pagination;
import org.broadsheet.web.ResultPage;

/**
 * The moderation queue page: the status tabs with their counts, the comments of this page
 * with the actions each allows, and a problem with the last bulk action, if any.
 */
public record ModerationQueueView(
        ModerationFilter filter,
        List<Tab> tabs,
        List<Row> rows,
        ResultPage<StaffComment> page,
        List<CommentAction> bulkActions,
        String problem) {

    /** One status tab ("Pending (3)"). */
    public record Tab(String key, String label, long count, String url, boolean current) {}

    /** One comment in the queue. */
    public record Row(StaffComment comment, DisplayDate date, List<CommentAction> actions) {}

    public Pagination pagination() {
        return page.pagination(filter::url);
    }

    /** What the page says when there is nothing to list. */
    public String emptyMessage() {
        String which = filter.status().equals(ModerationFilter.ALL)
                ? "No comments"
                : "No " + currentLabel().toLowerCase(java.util.Locale.ROOT) + " comments";
        return filter.search() == null ? which + "." : which + " match “" + filter.search() + "”.";
    }

    /** The current tab's label, for the heading of the table. */
    public String currentLabel() {
        return tabs.stream().filter(Tab::current).map(Tab::label).findFirst().orElse("");
    }
}

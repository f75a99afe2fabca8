package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.access.ArticleAccess;
import org.broadsheet.account.Staff;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleSummary;
import org.broadsheet.taxonomy.Author;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.web.Pagination;
import org.broadsheet.web.ResultPage;

/**
 * The article list page.
 *
 * @param filters  the filters as given (empty strings for none)
 */
public record ArticleListView(
        Staff staff,
        ResultPage<ArticleSummary> listing,
        Filters filters,
        List<ArticleStatus> statuses,
        List<Section> sections,
        List<Author> authors,
        Pagination pagination) {

    /** The list's filters as the form shows them. */
    public record Filters(String status, String section, String author, String q, boolean mine) {

        public boolean any() {
            return !status.isEmpty() || !section.isEmpty() || !author.isEmpty() || !q.isEmpty() || mine;
        }
    }

    /** Whether the signed-in person may open this article in the editor. */
    public boolean canOpen(ArticleSummary article) {
        return ArticleAccess.of(staff, article.status(), article.createdBy()).open();
    }
}

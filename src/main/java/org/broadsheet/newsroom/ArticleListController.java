package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleFilter;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleSummary;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.PageNumber;
import org.broadsheet.web.ResultPage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The newsroom's article list: every article, whatever its status, most recently changed
 * first, narrowed by status, section, byline author, words, or to one's own; 25 a page.
 * Everyone on the staff sees the list; each article opens only for those who may open it.
 */
@Controller
record ArticleListController(NewsroomPages pages, ArticleDesk desk, SectionService sections, AuthorService authors) {

    static final int PAGE_SIZE = 25;

    /** The list's filters as the query string gives them; {@code mine} present means only the person's own. */
    record ListFields(String status, String section, String author, String q, String mine, String page) {

        ArticleListView.Filters filters() {
            return new ArticleListView.Filters(value(status), value(section), value(author), value(q), mine != null);
        }

        /** The page asked for; not a page number is a 404. */
        int pageNumber() {
            return page == null ? 1 : PageNumber.parse(page);
        }

        private static String value(String typed) {
            return typed == null ? "" : typed.strip();
        }
    }

    @GetMapping({NewsroomUrls.ARTICLES, NewsroomUrls.ARTICLES + "/"})
    ModelAndView list(Staff staff, ListFields fields) {
        staff.require(Permission.WRITE_OWN);
        int page = fields.pageNumber();
        ArticleListView.Filters filters = fields.filters();
        ArticleFilter filter = new ArticleFilter(
                ArticleStatus.fromKey(filters.status()),
                filters.section(),
                filters.author(),
                filters.q(),
                filters.mine() ? staff.id() : null);
        ResultPage<ArticleSummary> listing = desk.list(filter, page, PAGE_SIZE);
        ArticleListView view = new ArticleListView(
                staff,
                listing,
                filters,
                List.of(ArticleStatus.values()),
                sections.all(),
                authors.all(),
                listing.pagination(p -> url(filters, p)));
        return pages.render(
                staff, "newsroom/articles/list", page > 1 ? "Articles, page " + page : "Articles", "articles", view);
    }

    private static String url(ArticleListView.Filters filters, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(NewsroomUrls.ARTICLES);
        if (!filters.status().isEmpty()) {
            url.queryParam("status", filters.status());
        }
        if (!filters.section().isEmpty()) {
            url.queryParam("section", filters.section());
        }
        if (!filters.author().isEmpty()) {
            url.queryParam("author", filters.author());
        }
        if (!filters.q().isEmpty()) {
            url.queryParam("q", filters.q());
        }
        if (filters.mine()) {
            url.queryParam("mine", "1");
        }
        if (page > 1) {
            url.queryParam("page", page);
        }
        return url.encode().build().toUriString();
    }
}

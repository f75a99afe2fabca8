package org.broadsheet.newsroom;

import java.util.List;
import java.util.Map;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleFilter;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleSummary;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.web.PageNumber;
import org.broadsheet.web.ResultPage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The newsroom's article list: every article, whatever its status, most recently changed
 * first, narrowed by status, section, byline author, words, or to one's own; 25 a page.
 * Everyone on the staff sees the list; each article opens only for those who may open it.
 */
@Controller
class ArticleListController {

    static final int PAGE_SIZE = 25;

    private final NewsroomPages pages;
    private final ArticleDesk desk;
    private final SectionService sections;
    private final AuthorService authors;

    ArticleListController(NewsroomPages pages, ArticleDesk desk, SectionService sections, AuthorService authors) {
        this.pages = pages;
        this.desk = desk;
        this.sections = sections;
        this.authors = authors;
    }

    @GetMapping({"/newsroom/articles", "/newsroom/articles/"})
    ModelAndView list(Staff staff, @RequestParam Map<String, String> params) {
        staff.require(Permission.WRITE_OWN);
        int page = params.containsKey("page") ? PageNumber.parse(params.get("page")) : 1;
        ArticleListView.Filters filters = new ArticleListView.Filters(
                value(params, "status"),
                value(params, "section"),
                value(params, "author"),
                value(params, "q"),
                params.containsKey("mine"));
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
                staff,
                "newsroom/article-list",
                page > 1 ? "Articles, page " + page : "Articles",
                "articles",
                Map.of("view", view));
    }

    private static String value(Map<String, String> params, String name) {
        String v = params.get(name);
        return v == null ? "" : v.strip();
    }

    private static String url(ArticleListView.Filters filters, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/newsroom/articles");
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

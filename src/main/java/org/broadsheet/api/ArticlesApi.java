package org.broadsheet.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.EditableArticle;
import org.broadsheet.article.PublicStories;
import org.broadsheet.article.StoryFilter;
import org.broadsheet.article.StoryKey;
import org.broadsheet.article.StoryPage;
import org.broadsheet.comment.ApprovedComment;
import org.broadsheet.comment.ApprovedComments;
import org.broadsheet.web.HttpCaching;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public stories: the filtered newest-first list (cursor pages), one by id or by slug, and its comments. */
@RestController
record ArticlesApi(
        PublicStories stories,
        ArticleReader reader,
        ApprovedComments comments,
        ApiFilters filters,
        ApiViews views,
        ApiLinks links,
        ArticleDesk desk) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_COMMENTS = 100;

    @GetMapping(ApiPaths.ARTICLES)
    ApiJson.Page<ApiJson.Article> list(
            @RequestParam(required = false) @Nullable String section,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String author,
            @RequestParam(name = "published_since", required = false) @Nullable String publishedSince,
            @RequestParam(name = "published_before", required = false) @Nullable String publishedBefore,
            @RequestParam(name = "modified_since", required = false) @Nullable String modifiedSince,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor,
            HttpServletRequest request,
            HttpServletResponse response) {
        StoryFilter filter = new StoryFilter(
                filters.section(section),
                filters.tag(tag),
                filters.author(author),
                ApiFilters.instant("published_since", publishedSince),
                ApiFilters.instant("published_before", publishedBefore),
                ApiFilters.instant("modified_since", modifiedSince));
        int size = ApiFilters.limit(limit, DEFAULT_LIMIT, PublicStories.MAX_PAGE);
        StoryKey after = ApiCursor.decode(cursor);
        StoryPage page = stories.page(filter, after, size);
        String next =
                page.next() == null ? null : links.next(request, response, "cursor", ApiCursor.encode(page.next()));
        return new ApiJson.Page<>(
                page.entries().stream().map(e -> views.article(e, false)).toList(), next);
    }

    @GetMapping(ApiPaths.ARTICLE)
    ApiJson.Article byId(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        return forWhom(
                stories.byId(publicId(id))
                        .map(e -> views.article(e, true))
                        .orElseThrow(() -> ApiException.notFound("No public article has the id " + id)),
                request,
                response);
    }

    @GetMapping(ApiPaths.ARTICLE_BY_SLUG)
    ApiJson.Article bySlug(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) {
        return forWhom(
                reader.findBySlug(slug)
                        .flatMap(view -> stories.byId(view.id()))
                        .map(e -> views.article(e, true))
                        .orElseThrow(() -> ApiException.notFound("No public article has the slug " + slug)),
                request,
                response);
    }

    /**
     * A staff token also gets the Markdown source and the version; that answer is the token holder's own, so no
     * shared cache may keep it, and every answer varies with {@code Authorization}.
     */
    private ApiJson.Article forWhom(ApiJson.Article article, HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
        if (TokenHolder.of(request) == null) {
            return article;
        }
        HttpCaching.privateToReader(response);
        EditableArticle source = desk.forEditing(article.id());
        return article.withSource(source.form().body(), source.version());
    }

    /**
     * The approved comments of a public article, newest first, {@code limit} to a page (at most
     * {@value #MAX_COMMENTS}), later pages by the cursor of the {@code Link} header.
     */
    @GetMapping(ApiPaths.ARTICLE_COMMENTS)
    ApiJson.Page<ApiJson.Comment> listComments(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor,
            HttpServletRequest request,
            HttpServletResponse response) {
        long articleId = publicId(id);
        int size = ApiFilters.limit(limit, MAX_COMMENTS, MAX_COMMENTS);
        Long after = ApiCursor.decodeComment(cursor);
        if (reader.findById(articleId).isEmpty()) {
            throw ApiException.notFound("No public article has the id " + id);
        }
        // One more than the page holds: whether it is there says whether a next page is.
        List<ApprovedComment> found =
                after == null ? comments.newestOn(articleId, size + 1) : comments.olderOn(articleId, after, size + 1);
        List<ApprovedComment> page = found.subList(0, Math.min(size, found.size()));
        String next = found.size() > size
                ? links.next(
                        request,
                        response,
                        "cursor",
                        ApiCursor.encodeComment(page.get(page.size() - 1).id()))
                : null;
        return new ApiJson.Page<>(page.stream().map(views::comment).toList(), next);
    }

    private static long publicId(String id) {
        return ApiPaths.articleId(id);
    }
}

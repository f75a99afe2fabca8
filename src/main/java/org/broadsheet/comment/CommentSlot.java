package org.broadsheet.comment;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.article.ArticleSlot;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.Teaser;
import org.broadsheet.render.RenderedHtml;
import org.broadsheet.web.HttpCaching;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.PageNumber;
import org.broadsheet.web.PageTags;
import org.broadsheet.web.Pagination;
import org.broadsheet.web.SiteUrls;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The comments on the article page: the count, the threads and the "Leave a Reply" form.
 *
 * <p>Query parameters: {@code comment-page} (a page of comments; out of range is a 404) and
 * {@code replytocom} (the form replies to that approved comment; anything else is a 404).
 *
 * <p>The form carries nothing of one reader's own, so the page is the same for everyone and may
 * be cached whole: its token is signed for the current time window ({@link CommentTokens}), the
 * page is kept no longer than that window, posts are checked for cross-site origin instead of a
 * per-reader CSRF token, and a remembered name and email are filled in by {@code comments.js}
 * from the reader's own cookie. Only a reader with held comments (which only they see) gets a
 * page of their own, {@code private, no-store}.
 */
@Component
@Order(100)
class CommentSlot implements ArticleSlot {

    /** Request attribute: the {@link FormState} of a comment that was refused, to show again. */
    static final String FORM_STATE = CommentSlot.class.getName() + ".form";

    /** What the reader sent and why it was refused. */
    record FormState(
            CommentForm values, boolean remember, Map<String, String> errors, String problem, String problemLink) {}

    /**
     * A fresh form: empty, the same for everyone (a remembered name and email are filled in by
     * {@code comments.js}, in the reader's browser only).
     */
    private static final FormState EMPTY =
            new FormState(new CommentForm("", "", "", "", null), false, Map.of(), null, null);

    private final CommentThreads threads;
    private final CommentCache cache;
    private final CommentService service;
    private final CommentPolicies policies;
    private final CommentTokens tokens;
    private final CommentCookies cookies;
    private final SiteUrls urls;
    private final TemplateEngine templates;
    private final Clock clock;

    CommentSlot(
            CommentThreads threads,
            CommentCache cache,
            CommentService service,
            CommentPolicies policies,
            CommentTokens tokens,
            CommentCookies cookies,
            SiteUrls urls,
            TemplateEngine templates,
            Clock clock) {
        this.threads = threads;
        this.cache = cache;
        this.service = service;
        this.policies = policies;
        this.tokens = tokens;
        this.cookies = cookies;
        this.urls = urls;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public Content render(
            ArticleView article, List<Teaser> moreFrom, HttpServletRequest request, HttpServletResponse response) {
        CommentPolicy policy = policies.current();
        String pageParam = request.getParameter("comment-page");
        int page = pageParam == null ? 1 : PageNumber.parse(pageParam);
        boolean open = service.isOpen(article, policy);
        List<Long> held = cookies.held(request);
        Content list;
        if (held.isEmpty()) {
            // The same for every reader: rendered once, until the article's comments change.
            RenderedHtml rendered = cache.renderedList(
                    new CommentCache.ListKey(article.id(), page, open, policy.maxDepth(), policy.perPage()),
                    key -> listView(article, page, held, open, policy)
                            .map(view -> RenderedHtml.render(templates, "comment/list.jte", view))
                            .orElse(null));
            list = rendered == null ? null : rendered.in(request); // sent compressed as kept, to gzip clients
        } else {
            CommentsView view = listView(article, page, held, open, policy).orElse(null);
            list = view == null ? null : output -> templates.render("comment/list.jte", view, output);
        }
        if (list == null) {
            throw new NotFoundException("No comment page " + page);
        }
        CommentsView.Form form = open ? form(article, page, request) : null;
        if (!held.isEmpty()) {
            HttpCaching.privateToReader(response);
        }
        PageTags.add(request, PageTags.comments(article.id()));
        if (form != null) {
            PageTags.keepUntil(request, tokens.windowEnd(clock.instant()));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("list", list);
        params.put("f", form);
        params.put("script", urls.commentScript());
        return output -> templates.render("comment/comments.jte", params, output);
    }

    /** One page of the article's comments with the reader's held ones; empty if there is no such page. */
    private Optional<CommentsView> listView(
            ArticleView article, int page, List<Long> held, boolean open, CommentPolicy policy) {
        CommentThreads.Page thread = threads.page(article, page, held, open, policy);
        if (thread.roots() == null) {
            return Optional.empty();
        }
        Pagination pages =
                Pagination.of(page, page < thread.pages(), n -> urls.comments(article.url(), n) + "#comments");
        return Optional.of(
                new CommentsView(heading(thread.approvedCount(), open), thread.roots(), pages, thread.pages()));
    }

    /**
     * The reply form and later pages of comments repeat the article: search engines should
     * follow their links but not index them (as WordPress does for {@code replytocom}).
     */
    @Override
    public Content head(ArticleView article, HttpServletRequest request) {
        if (request.getParameter("replytocom") == null && request.getParameter("comment-page") == null) {
            return null;
        }
        return output -> output.writeContent("<meta name=\"robots\" content=\"noindex, follow\">\n");
    }

    static String heading(int count, boolean open) {
        if (count == 0) {
            return open ? "Be the first to comment" : "No comments";
        }
        return count == 1 ? "1 Comment" : String.format(Locale.ENGLISH, "%,d Comments", count);
    }

    private CommentsView.Form form(ArticleView article, int page, HttpServletRequest request) {
        FormState state = (FormState) request.getAttribute(FORM_STATE);
        Optional<PublicComment> parent = parent(article, state, request);
        String token = tokens.issue(article.id());
        FormState shown = state != null ? state : EMPTY;
        CommentForm values = shown.values();
        // A refused comment is answered with the page at the form's address: the fragment makes
        // the browser open it at the form and its problem, not at the top of the article.
        return new CommentsView.Form(
                urls.commentPost() + "#respond",
                article.id(),
                token,
                parent.map(PublicComment::id).orElse(null),
                parent.map(PublicComment::name).orElse(null),
                urls.comments(article.url(), page) + "#respond",
                values.name(),
                values.email(),
                values.website(),
                values.text(),
                shown.remember(),
                shown.problem(),
                shown.problemLink(),
                shown.errors());
    }

    /**
     * The approved comment the form answers: the one a refused reply named, or the one
     * {@code replytocom} names (404 if there is none); empty for a new comment.
     */
    private Optional<PublicComment> parent(ArticleView article, FormState state, HttpServletRequest request) {
        Long parentId = state != null ? state.values().parentId() : replyTo(request);
        if (parentId == null) {
            return Optional.empty();
        }
        Optional<PublicComment> parent = threads.approvedComment(article.id(), parentId);
        if (parent.isEmpty() && state == null) {
            throw new NotFoundException("No comment " + parentId + " to reply to");
        }
        // A comment that went away while the reader wrote their reply: post it as a new comment.
        return parent;
    }

    /** The comment named by {@code replytocom}: an approved comment of this article, or a 404. */
    private Long replyTo(HttpServletRequest request) {
        String raw = request.getParameter("replytocom");
        if (raw == null) {
            return null;
        }
        if (!CommentController.ID.matcher(raw).matches()) {
            throw new NotFoundException("No comment " + raw);
        }
        return Long.valueOf(raw);
    }
}

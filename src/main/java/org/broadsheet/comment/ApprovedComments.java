package org.broadsheet.comment;

import java.util.List;
import org.broadsheet.web.HtmlSanitizer;
import org.broadsheet.web.SiteUrls;
import org.springframework.stereotype.Service;

/**
 * The newest approved comments, for feeds: the whole site's, or one article's. Only comments
 * readers can see on a public article, and nothing private about their writers.
 *
 * <p>Read afresh from the database on every call, never from {@code CommentCache}: feeds keep
 * what they make of the result and forget it on the same events, so they must not pick up a list
 * that cache has yet to forget. Each comment's link costs one query (its page of comments).
 * Thread-safe.
 */
@Service
public class ApprovedComments {

    private final ApprovedCommentRepository repository;
    private final CommentThreads threads;
    private final CommentPolicies policies;
    private final SiteUrls urls;
    private final HtmlSanitizer sanitizer;

    ApprovedComments(
            ApprovedCommentRepository repository,
            CommentThreads threads,
            CommentPolicies policies,
            SiteUrls urls,
            HtmlSanitizer sanitizer) {
        this.repository = repository;
        this.threads = threads;
        this.policies = policies;
        this.urls = urls;
        this.sanitizer = sanitizer;
    }

    /** The {@code count} newest approved comments on public articles, newest first. */
    public List<ApprovedComment> newest(int count) {
        return comments(repository.findNewest(count));
    }

    /** The {@code count} newest approved comments of article {@code articleId}, newest first; none unless it is public. */
    public List<ApprovedComment> newestOn(long articleId, int count) {
        return comments(repository.findNewestOn(articleId, count));
    }

    /**
     * The next {@code count} approved comments of article {@code articleId} after comment
     * {@code beforeId} in the newest-first order (a page after the first); none unless it is public.
     */
    public List<ApprovedComment> olderOn(long articleId, long beforeId, int count) {
        return comments(repository.findOlderOn(articleId, beforeId, count));
    }

    private List<ApprovedComment> comments(List<ApprovedCommentRepository.Row> rows) {
        CommentPolicy policy = policies.current();
        return rows.stream().map(row -> comment(row, policy)).toList();
    }

    private ApprovedComment comment(ApprovedCommentRepository.Row row, CommentPolicy policy) {
        String articleUrl = urls.article(row.sectionSlug(), row.publishedAt(), row.articleSlug());
        int page = threads.pageOf(row.articleId(), row.id(), policy);
        return new ApprovedComment(
                row.id(),
                row.articleId(),
                row.headline(),
                articleUrl,
                urls.comment(articleUrl, page, row.id()),
                row.name(),
                row.website() == null || row.website().isBlank() ? null : row.website(),
                row.staff(),
                sanitizer.fromStore(row.html()),
                row.createdAt());
    }
}

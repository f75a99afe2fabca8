package org.broadsheet.comment;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleView;
import org.broadsheet.web.Problems;
import org.broadsheet.web.ResultPage;
import org.broadsheet.web.TextSearch;
import org.broadsheet.web.ValidationException;
import org.springframework.stereotype.Component;

/**
 * What the newsroom's moderation queue reads (the counts by status, pages of comments with
 * the commenters' private details) and the check of a bulk selection before any of it is
 * acted on. Staff only: nothing here is for reader pages. {@link CommentService} offers it.
 */
@Component
record ModerationQueue(CommentRepository repository, ArticleReader articles, HeldComments held) {

    WaitingComments waiting() {
        return held.waiting();
    }

    long pendingCount() {
        return repository.countByStatus(CommentStatus.PENDING);
    }

    Map<CommentStatus, Long> countsByStatus() {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, 0L);
        }
        counts.putAll(repository.countEachStatus());
        return counts;
    }

    ResultPage<StaffComment> page(StaffCommentQuery query) {
        String search = TextSearch.normalise(query.search());
        String pattern = search == null ? null : TextSearch.containing(search);
        List<StaffComment> found = repository.findForStaff(
                query.status(), pattern, query.pageSize(), ResultPage.offset(query.page(), query.pageSize()));
        // Many comments on a page share an article: look each article up once.
        Map<Long, String> urls = new HashMap<>();
        List<StaffComment> comments = found.stream()
                .map(c -> c.withArticleUrl(urls.computeIfAbsent(c.comment().articleId(), this::publicUrl)))
                .toList();
        return new ResultPage<>(
                comments, repository.countForStaff(query.status(), pattern), query.page(), query.pageSize());
    }

    Optional<StaffComment> comment(long id) {
        return repository
                .findForStaff(id)
                .map(c -> c.withArticleUrl(publicUrl(c.comment().articleId())));
    }

    /**
     * The comments a bulk action names, each once, in the order given.
     *
     * @throws ValidationException no action, no comments or more than {@link CommentService#MAX_BULK}, or an id
     *     that names no comment
     */
    Set<Long> selection(CommentAction action, Collection<Long> ids) {
        Set<Long> unique = new LinkedHashSet<>(ids == null ? List.of() : ids);
        unique.remove(null);
        new Problems()
                .require(action != null, "action", "Choose what to do with the selected comments")
                .require(!unique.isEmpty(), "ids", "Select at least one comment")
                .require(
                        unique.size() <= CommentService.MAX_BULK,
                        "ids",
                        String.format(Locale.ENGLISH, "Select at most %,d comments at once", CommentService.MAX_BULK))
                .throwIfAny();
        List<Long> missing = repository.findMissing(unique);
        new Problems()
                .require(
                        missing.isEmpty(),
                        "ids",
                        (missing.size() == 1 ? "Comment " : "Comments ")
                                + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
                                + (missing.size() == 1 ? " no longer exists" : " no longer exist")
                                + ". Reload the page and try again; nothing was changed.")
                .throwIfAny();
        return unique;
    }

    private String publicUrl(long articleId) {
        return articles.findById(articleId).map(ArticleView::url).orElse(null);
    }
}

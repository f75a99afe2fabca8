package org.broadsheet.comment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.broadsheet.article.ArticleView;
import org.broadsheet.web.Dates;
import org.broadsheet.web.HtmlSanitizer;
import org.broadsheet.web.SiteUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reads an article's comments as readers see them: approved comments (plus the reader's
 * own held ones), threaded, oldest first, paginated by top-level comment. Replies deeper
 * than the policy's depth are shown at the deepest level, in the order they were written.
 */
@Service
record CommentThreads(
        CommentRepository repository,
        ThreadPlaces places,
        CommentCache cache,
        Dates dates,
        SiteUrls urls,
        HtmlSanitizer sanitizer) {

    /** One page of threads; {@code pages} is at least 1. */
    record Page(int approvedCount, int pages, List<CommentsView.Node> roots) {}

    List<PublicComment> approved(long articleId) {
        return cache.approved(articleId, this::shown);
    }

    /**
     * The approved comments, each reply under its nearest approved ancestor: an approved reply to
     * a comment readers cannot see (held, spam, trash: a WordPress import keeps such threads, and
     * a moderator may hide a comment that has replies) takes the hidden comment's place in the
     * thread, or starts a thread of its own when no ancestor is approved. One more query, only
     * for articles that have such a reply.
     */
    private List<PublicComment> shown(long articleId) {
        List<PublicComment> approved = repository.findApproved(articleId);
        Set<Long> ids = approved.stream().map(PublicComment::id).collect(Collectors.toSet());
        Set<Long> hiddenParents = approved.stream()
                .map(PublicComment::parentId)
                .filter(parent -> parent != null && !ids.contains(parent))
                .collect(Collectors.toSet());
        if (hiddenParents.isEmpty()) {
            return approved;
        }
        Map<Long, Long> hidden = repository.hiddenAncestors(hiddenParents);
        return approved.stream()
                .map(c -> c.parentId() == null || ids.contains(c.parentId())
                        ? c
                        : c.under(nearestShown(c.parentId(), ids, hidden)))
                .toList();
    }

    private static @Nullable Long nearestShown(Long parentId, Set<Long> shown, Map<Long, Long> hidden) {
        Long at = parentId;
        for (int steps = 0; at != null && !shown.contains(at) && steps <= hidden.size(); steps++) {
            at = hidden.get(at);
        }
        return at != null && shown.contains(at) ? at : null;
    }

    /** An approved comment of the article (the one a reader replies to). */
    Optional<PublicComment> approvedComment(long articleId, long commentId) {
        return approved(articleId).stream().filter(c -> c.id() == commentId).findFirst();
    }

    Page page(ArticleView article, int page, List<Long> heldIds, boolean open, CommentPolicy policy) {
        List<PublicComment> approved = approved(article.id());
        Tree tree = new Tree(
                merge(approved, heldIds.isEmpty() ? List.of() : repository.findWaiting(article.id(), heldIds)));
        int pages = Math.max(1, (tree.roots.size() + policy.perPage() - 1) / policy.perPage());
        if (page > pages) {
            return new Page(approved.size(), pages, null);
        }
        List<PublicComment> roots =
                tree.roots.subList((page - 1) * policy.perPage(), Math.min(tree.roots.size(), page * policy.perPage()));
        NodeMaker maker = new NodeMaker(article.url(), page, open, policy.maxDepth(), tree);
        return new Page(
                approved.size(),
                pages,
                roots.stream().map(c -> maker.node(c, 1)).flatMap(List::stream).toList());
    }

    /**
     * The page of comments on which a comment appears, counted in top-level approved comments
     * (a thread whose root is hidden counts where its root would be). Read from the database,
     * since it is asked right after a comment changed the article's list.
     */
    int pageOf(long articleId, long commentId, CommentPolicy policy) {
        return places.countRootsBefore(articleId, commentId) / policy.perPage() + 1;
    }

    private static List<PublicComment> merge(List<PublicComment> approved, List<PublicComment> waiting) {
        if (waiting.isEmpty()) {
            return approved;
        }
        List<PublicComment> all = new ArrayList<>(approved);
        all.addAll(waiting);
        all.sort(Comparator.comparingLong(PublicComment::id));
        return all;
    }

    /** Comments arranged by parent; a reply whose parent is not shown becomes a top-level comment. */
    private static final class Tree {
        final List<PublicComment> roots = new ArrayList<>();
        final Map<Long, List<PublicComment>> children = new HashMap<>();
        final Map<Long, Long> parentOf = new HashMap<>();

        Tree(List<PublicComment> comments) {
            Map<Long, PublicComment> byId = new HashMap<>();
            comments.forEach(c -> byId.put(c.id(), c));
            for (PublicComment c : comments) {
                if (c.parentId() != null && byId.containsKey(c.parentId())) {
                    children.computeIfAbsent(c.parentId(), k -> new ArrayList<>())
                            .add(c);
                    parentOf.put(c.id(), c.parentId());
                } else {
                    roots.add(c);
                }
            }
        }

        /** Every comment below {@code id}, oldest first. */
        List<PublicComment> descendants(long id) {
            TreeMap<Long, PublicComment> below = new TreeMap<>();
            List<PublicComment> todo = new ArrayList<>(children.getOrDefault(id, List.of()));
            while (!todo.isEmpty()) {
                PublicComment c = todo.remove(todo.size() - 1);
                below.put(c.id(), c);
                todo.addAll(children.getOrDefault(c.id(), List.of()));
            }
            return new ArrayList<>(below.values());
        }
    }

    private final class NodeMaker {
        private final String articleUrl;
        private final int page;
        private final boolean open;
        private final int maxDepth;
        private final Tree tree;

        NodeMaker(String articleUrl, int page, boolean open, int maxDepth, Tree tree) {
            this.articleUrl = articleUrl;
            this.page = page;
            this.open = open;
            this.maxDepth = maxDepth;
            this.tree = tree;
        }

        /** The comment at {@code depth}; at the deepest level, followed by its flattened descendants. */
        List<CommentsView.Node> node(PublicComment c, int depth) {
            if (depth < maxDepth) {
                List<CommentsView.Node> replies = tree.children.getOrDefault(c.id(), List.of()).stream()
                        .map(r -> node(r, depth + 1))
                        .flatMap(List::stream)
                        .toList();
                return List.of(view(c, replies));
            }
            List<CommentsView.Node> level = new ArrayList<>();
            level.add(view(c, List.of()));
            tree.descendants(c.id()).forEach(d -> level.add(view(d, List.of())));
            return level;
        }

        private CommentsView.Node view(PublicComment c, List<CommentsView.Node> replies) {
            boolean held = c.status() != CommentStatus.APPROVED;
            return new CommentsView.Node(
                    c.id(),
                    c.name(),
                    c.website(),
                    c.staff(),
                    dates.of(c.createdAt()),
                    sanitizer.fromStore(c.html()),
                    held,
                    urls.comment(articleUrl, page, c.id()),
                    open && !held ? urls.replyTo(articleUrl, page, c.id()) : null,
                    replies);
        }
    }
}

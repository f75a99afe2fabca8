package org.broadsheet.comment;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.broadsheet.web.HtmlSanitizer;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Brings in many comments at once (the WordPress import), under exactly the rules of
 * {@link CommentService#importComment(long, CommentForm, CommentStatus, boolean, Instant, Visitor)}:
 * an article of any status (WordPress keeps comments on drafts, private and trashed posts too),
 * the fields checked ({@link CommentFields}), a reply only to a comment of the same article,
 * whatever that comment's status (a reply to a held or spam comment stays its reply; readers see
 * it under its nearest approved ancestor, see {@code CommentThreads}); no flood, duplicate or
 * closing rule (those are for readers posting now). Each comment is checked when added, in
 * memory (its parent may be one added before it); the batch is then written in one statement,
 * in the caller's transaction, and announced with one {@link CommentEvents.CommentsImported}
 * rather than one event per comment.
 */
@Service
public class CommentImports {

    private static final int IDS_AT_ONCE = 256;

    private final CommentRepository repository;
    private final HtmlSanitizer sanitizer;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CommentImports(
            CommentRepository repository, HtmlSanitizer sanitizer, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.repository = repository;
        this.sanitizer = sanitizer;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A batch of comments on {@code articleIds} (whose existence is read once, now). */
    public Batch batch(Collection<Long> articleIds) {
        return new Batch(repository.existingArticles(articleIds));
    }

    private record Row(
            long id,
            long articleId,
            @Nullable Long parentId,
            int depth,
            CommentStatus status,
            NewComment comment,
            boolean staff,
            Instant at) {}

    /** Comments checked and waiting to be written. Not thread-safe. */
    public final class Batch {

        private final Set<Long> articles;
        private final Map<Long, Row> rows = new HashMap<>();
        private final List<Row> order = new ArrayList<>();
        private final Deque<Long> ids = new ArrayDeque<>();

        private Batch(Set<Long> articles) {
            this.articles = articles;
        }

        /**
         * Checks a comment and keeps it for {@link #write}; returns the id it will have.
         *
         * @throws NotFoundException   there is no such article
         * @throws ValidationException a field is missing or malformed, or the parent is not a comment of the article
         */
        public long add(
                long articleId, CommentForm form, CommentStatus status, boolean staff, Instant at, Visitor visitor) {
            if (!articles.contains(articleId)) {
                throw new NotFoundException("No article " + articleId);
            }
            NewComment comment = CommentFields.check(form, visitor);
            int depth = 1;
            if (form.parentId() != null) {
                depth = parentDepth(articleId, form.parentId()) + 1;
            }
            if (ids.isEmpty()) { // the identity's sequence as a constant (see ImportRepository.write)
                ids.addAll(jdbc.sql("select nextval('comment_id_seq'::regclass) from generate_series(1, ?)")
                        .param(IDS_AT_ONCE)
                        .query(Long.class)
                        .list());
            }
            Row row = new Row(ids.pop(), articleId, form.parentId(), depth, status, comment, staff, at);
            rows.put(row.id(), row);
            order.add(row);
            return row.id();
        }

        /** As {@code CommentService.replyTo} for imports: the parent's depth, whatever its status. */
        private int parentDepth(long articleId, long parentId) {
            Row kept = rows.get(parentId);
            if (kept != null && kept.articleId() == articleId) {
                return kept.depth();
            }
            CommentRow stored =
                    kept != null ? null : repository.findById(parentId).orElse(null);
            if (stored == null || stored.articleId() != articleId) {
                throw new ValidationException(List.of(new ValidationException.Problem(
                        "parent",
                        "The comment you are replying to is no longer available. Post your reply as a new comment.")));
            }
            return stored.depth();
        }

        /** Writes the comments added, in one statement; returns how many. */
        public int write() {
            if (order.isEmpty()) {
                return 0;
            }
            List<Row> r = order;
            jdbc.sql("""
                            insert into comment (id, article_id, parent_id, depth, status, author_name, author_email,
                                                 author_url, staff, body, body_html, ip, user_agent, created_at, updated_at)
                            overriding system value
                            select t.id, t.article, t.parent, t.depth, t.status, t.name, t.email, t.url, t.staff, t.body,
                                   t.html, t.ip::inet, t.agent, t.at, t.at
                              from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::int[], ?::text[], ?::text[], ?::text[],
                                          ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                                   t (id, article, parent, depth, status, name, email, url, staff, body, html, ip, agent, at)""")
                    .params(
                            r.stream().map(Row::id).toArray(Long[]::new),
                            r.stream().map(Row::articleId).toArray(Long[]::new),
                            r.stream().map(Row::parentId).toArray(Long[]::new),
                            r.stream().map(Row::depth).toArray(Integer[]::new),
                            r.stream().map(x -> x.status().db()).toArray(String[]::new),
                            r.stream().map(x -> x.comment().name()).toArray(String[]::new),
                            r.stream().map(x -> x.comment().email()).toArray(String[]::new),
                            r.stream().map(x -> x.comment().website()).toArray(String[]::new),
                            r.stream().map(Row::staff).toArray(Boolean[]::new),
                            r.stream().map(x -> x.comment().text()).toArray(String[]::new),
                            r.stream().map(x -> html(x.comment().text())).toArray(String[]::new),
                            r.stream().map(x -> x.comment().visitor().ip()).toArray(String[]::new),
                            r.stream()
                                    .map(x -> x.comment().visitor().userAgent())
                                    .toArray(String[]::new),
                            r.stream().map(x -> x.at().toString()).toArray(String[]::new))
                    .update();
            events.publishEvent(new CommentEvents.CommentsImported());
            int written = order.size();
            order.clear();
            rows.clear();
            return written;
        }
    }

    private String html(String text) {
        return sanitizer.sanitizeComment(CommentText.toHtml(text)).html();
    }
}

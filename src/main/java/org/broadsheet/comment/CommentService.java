package org.broadsheet.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleView;
import org.broadsheet.web.HtmlSanitizer;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ResultPage;
import org.broadsheet.web.ValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of reader comments: posting (with moderation, blocklist, flood and duplicate
 * checks) and every moderator's action. Each method commits before it returns, so a
 * comment that was accepted is never lost, and publishes {@link CommentEvents} so the
 * article page shows the change at once.
 *
 * <p>The checks it leans on live beside it: {@link CommentFields} (the fields),
 * {@link FloodAndDuplicateChecks} (a reader posting too fast or twice), {@link CommentRules}
 * (approved, held or spam) and {@link ModerationQueue} (the newsroom's reads and bulk selections).
 */
@Service
public class CommentService {

    /** The most comments one bulk action may name. */
    public static final int MAX_BULK = 500;

    private final CommentRepository repository;
    private final CommentPolicies policies;
    private final FloodAndDuplicateChecks floodAndDuplicates;
    private final ModerationQueue queue;
    private final ArticleReader articles;
    private final HtmlSanitizer sanitizer;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CommentMeters meters;

    CommentService(
            CommentRepository repository,
            CommentPolicies policies,
            FloodAndDuplicateChecks floodAndDuplicates,
            ModerationQueue queue,
            ArticleReader articles,
            HtmlSanitizer sanitizer,
            ApplicationEventPublisher events,
            Clock clock,
            CommentMeters meters) {
        this.repository = repository;
        this.policies = policies;
        this.floodAndDuplicates = floodAndDuplicates;
        this.queue = queue;
        this.articles = articles;
        this.sanitizer = sanitizer;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    /** A comment that was stored, and where it went. */
    public record Posted(long id, CommentStatus status) {}

    /**
     * Stores a reader's comment on a public article, approved, held or as spam as the policy
     * decides. A reply to a comment at the deepest level joins that level.
     *
     * @throws NotFoundException   the article is not public
     * @throws ValidationException a field is missing or malformed (every problem listed)
     * @throws CommentRefused      comments are closed, the commenter posts too fast, or it is a duplicate
     */
    @Transactional
    public Posted post(long articleId, CommentForm form, Visitor visitor) {
        return post(
                articles.findById(articleId).orElseThrow(() -> new NotFoundException("No article " + articleId)),
                form,
                visitor);
    }

    /** As {@link #post(long, CommentForm, Visitor)}, for a public article the caller has just read. */
    @Transactional
    public Posted post(ArticleView article, CommentForm form, Visitor visitor) {
        try {
            Posted posted = store(article, form, visitor);
            meters.posted(posted.status());
            return posted;
        } catch (CommentRefused | ValidationException e) {
            meters.refused(e);
            throw e;
        }
    }

    private Posted store(ArticleView article, CommentForm form, Visitor visitor) {
        long articleId = article.id();
        CommentPolicy policy = policies.current();
        if (!isOpen(article, policy)) {
            throw new CommentRefused.Closed();
        }
        NewComment comment = CommentFields.check(form, visitor);
        Reply reply = replyTo(articleId, form.parentId(), policy.maxDepth(), true);
        floodAndDuplicates.check(articleId, policy, comment);
        // Only the "first comment" rule needs to know the commenter: spare the query otherwise.
        boolean known = policy.moderation() == Moderation.FIRST && repository.hasApproved(comment.email());
        CommentStatus status = CommentRules.decide(policy, comment, known);
        long id = insert(articleId, reply, status, comment, false, clock.instant());
        events.publishEvent(new CommentEvents.CommentPosted(articleId, id, status));
        if (status == CommentStatus.APPROVED) {
            events.publishEvent(new CommentEvents.CommentApproved(articleId, id));
        }
        return new Posted(id, status);
    }

    /** Whether readers may comment on the article now: its own switch, and the days since publication. */
    public boolean isOpen(ArticleView article) {
        return isOpen(article, policies.current());
    }

    boolean isOpen(ArticleView article, CommentPolicy policy) {
        if (!article.commentsOpen()) {
            return false;
        }
        int days = policy.closeAfterDays();
        return days == 0
                || clock.instant().isBefore(article.published().at().toInstant().plus(Duration.ofDays(days)));
    }

    // ---- moderation

    /** Makes a comment public. */
    @Transactional
    public void approve(long id) {
        move(id, CommentStatus.APPROVED, null);
    }

    /** Marks a comment as spam; {@link #restore} brings it back as it was. */
    @Transactional
    public void spam(long id) {
        CommentRow row = find(id);
        move(id, CommentStatus.SPAM, restorable(row));
    }

    /** Moves a comment to the trash; {@link #restore} brings it back as it was. */
    @Transactional
    public void trash(long id) {
        CommentRow row = find(id);
        move(id, CommentStatus.TRASH, restorable(row));
    }

    /** Takes a comment out of the trash or spam, back to approved or held as it was before. */
    @Transactional
    public void restore(long id) {
        CommentRow row = find(id);
        if (row.status() == CommentStatus.TRASH || row.status() == CommentStatus.SPAM) {
            move(id, row.restoreStatus() == null ? CommentStatus.PENDING : row.restoreStatus(), null);
        }
    }

    /** Corrects a comment's name, email, website or text, checked as a reader's would be. */
    @Transactional
    public void edit(long id, CommentForm form) {
        CommentRow row = find(id);
        NewComment edited = CommentFields.check(form, new Visitor(row.ip(), row.userAgent()));
        repository.update(
                id,
                edited.name(),
                edited.email(),
                edited.website(),
                edited.text(),
                html(edited.text()),
                clock.instant());
        if (row.status() == CommentStatus.APPROVED) {
            events.publishEvent(new CommentEvents.CommentChanged(row.articleId(), id));
        }
    }

    /** Deletes a comment for good; its replies stay, moved up a level. */
    @Transactional
    public void deleteForever(long id) {
        CommentRow row = find(id);
        repository.delete(id);
        if (row.status() == CommentStatus.APPROVED) {
            events.publishEvent(new CommentEvents.CommentChanged(row.articleId(), id));
        }
    }

    /**
     * Answers a comment in the name of the newsroom: approved at once and marked as staff,
     * whether or not comments are still open to readers. Approves the comment answered, since
     * a public answer to a hidden comment would make no sense.
     */
    @Transactional
    public Posted replyAsStaff(long parentId, String staffName, String staffEmail, String text) {
        CommentRow parent = find(parentId);
        NewComment reply = CommentFields.check(
                new CommentForm(staffName, staffEmail, null, text, parentId), new Visitor(null, null));
        if (parent.status() != CommentStatus.APPROVED) {
            approve(parentId);
        }
        Reply at = replyTo(parent.articleId(), parentId, policies.current().maxDepth(), true);
        long id = insert(parent.articleId(), at, CommentStatus.APPROVED, reply, true, clock.instant());
        events.publishEvent(new CommentEvents.CommentPosted(parent.articleId(), id, CommentStatus.APPROVED));
        events.publishEvent(new CommentEvents.CommentApproved(parent.articleId(), id));
        return new Posted(id, CommentStatus.APPROVED);
    }

    /**
     * Brings in a comment written elsewhere (an import, the demo edition) with its own time
     * and status, without the reader-facing checks (flood, duplicates, closing). Nothing the
     * other site kept is refused for where it sits: the article may have any status, and a
     * reply may answer a comment of any status (readers see an approved reply to a comment they
     * cannot see under that comment's nearest approved ancestor).
     *
     * @throws NotFoundException   there is no such article
     * @throws ValidationException a field is missing or malformed, or the parent is not a comment of the article
     */
    @Transactional
    public Posted importComment(long articleId, CommentForm form, CommentStatus status, Instant at) {
        return importComment(articleId, form, status, false, at);
    }

    /** As {@link #importComment(long, CommentForm, CommentStatus, Instant)}, marked as the newsroom's when {@code staff}. */
    @Transactional
    public Posted importComment(long articleId, CommentForm form, CommentStatus status, boolean staff, Instant at) {
        return importComment(articleId, form, status, staff, at, new Visitor(null, null));
    }

    /** As {@link #importComment(long, CommentForm, CommentStatus, boolean, Instant)}, keeping who sent it (a WordPress import). */
    @Transactional
    public Posted importComment(
            long articleId, CommentForm form, CommentStatus status, boolean staff, Instant at, Visitor visitor) {
        if (repository.existingArticles(List.of(articleId)).isEmpty()) {
            throw new NotFoundException("No article " + articleId);
        }
        NewComment comment = CommentFields.check(form, visitor);
        Reply reply = replyTo(articleId, form.parentId(), Integer.MAX_VALUE, false);
        long id = insert(articleId, reply, status, comment, staff, at);
        if (status == CommentStatus.APPROVED) {
            events.publishEvent(new CommentEvents.CommentApproved(articleId, id));
        }
        return new Posted(id, status);
    }

    // ---- the moderation queue

    /**
     * How many comments wait for a moderator, for the newsroom's header on every page: one
     * count on the status index, not cached, so it is exact after every action.
     */
    public long pendingCount() {
        return queue.pendingCount();
    }

    /** How many comments wait for a moderator and when the newest came, for the notices that tell editors. */
    public WaitingComments waiting() {
        return queue.waiting();
    }

    /** How many comments have each status (every status present, zero when none), for the queue's tabs. */
    public Map<CommentStatus, Long> countsByStatus() {
        return queue.countsByStatus();
    }

    /**
     * One page of the moderation queue: held comments first, then newest first, with the
     * commenters' private details (email, IP address, user agent) that staff need. Never for
     * reader pages.
     */
    public ResultPage<StaffComment> forStaff(StaffCommentQuery query) {
        return queue.page(query);
    }

    /** One comment as the moderation queue shows it; empty if there is none. */
    public Optional<StaffComment> staffComment(long id) {
        return queue.comment(id);
    }

    /**
     * Does {@code action} to one comment.
     *
     * @throws NotFoundException there is no such comment
     */
    @Transactional
    public void apply(CommentAction action, long id) {
        switch (action) {
            case APPROVE -> approve(id);
            case SPAM -> spam(id);
            case TRASH -> trash(id);
            case RESTORE -> restore(id);
            case DELETE_FOREVER -> deleteForever(id);
        }
    }

    /**
     * Does {@code action} to every comment in {@code ids}, all or none: if no action is given,
     * the list is empty or longer than {@link #MAX_BULK}, or any id names no comment, nothing
     * changes and a {@link ValidationException} says why. Restoring a comment that is not in
     * spam or the trash leaves it as it is.
     *
     * @return how many comments were named (duplicates counted once)
     */
    @Transactional
    public int bulk(CommentAction action, Collection<Long> ids) {
        Collection<Long> selected = queue.selection(action, ids);
        for (long id : selected) {
            apply(action, id);
        }
        return selected.size();
    }

    /** A comment with everything moderators may see; empty if there is none. */
    public Optional<CommentRow> comment(long id) {
        return repository.findById(id);
    }

    private CommentRow find(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("No comment " + id));
    }

    private void move(long id, CommentStatus to, CommentStatus restoreStatus) {
        CommentRow row = find(id);
        repository.setStatus(id, to, restoreStatus, clock.instant());
        if (to == CommentStatus.APPROVED && row.status() != CommentStatus.APPROVED) {
            events.publishEvent(new CommentEvents.CommentApproved(row.articleId(), id));
        } else if (row.status() == CommentStatus.APPROVED && to != CommentStatus.APPROVED) {
            events.publishEvent(new CommentEvents.CommentChanged(row.articleId(), id));
        }
    }

    private static CommentStatus restorable(CommentRow row) {
        return switch (row.status()) {
            case APPROVED, PENDING -> row.status();
            case SPAM, TRASH -> row.restoreStatus();
        };
    }

    private record Reply(Long parentId, int depth) {}

    /**
     * Where a reply goes: under its parent, or beside it when the parent is at the deepest level.
     * Readers reply only to approved comments; an import keeps replies to comments of any status.
     */
    private Reply replyTo(long articleId, Long parentId, int maxDepth, boolean approvedOnly) {
        if (parentId == null) {
            return new Reply(null, 1);
        }
        CommentRow parent = repository
                .findById(parentId)
                .filter(p -> p.articleId() == articleId && (!approvedOnly || p.status() == CommentStatus.APPROVED))
                .orElseThrow(() -> new ValidationException(List.of(new ValidationException.Problem(
                        "parent",
                        "The comment you are replying to is no longer available. Post your reply as a new comment."))));
        if (parent.depth() < maxDepth) {
            return new Reply(parent.id(), parent.depth() + 1);
        }
        return maxDepth <= 1
                ? new Reply(null, 1)
                : new Reply(repository.ancestorAt(parent.id(), maxDepth - 1), maxDepth);
    }

    private long insert(
            long articleId, Reply at, CommentStatus status, NewComment comment, boolean staff, Instant when) {
        return repository.insert(
                articleId,
                at.parentId(),
                at.depth(),
                status,
                comment.name(),
                comment.email(),
                comment.website(),
                staff,
                comment.text(),
                html(comment.text()),
                comment.visitor().ip(),
                comment.visitor().userAgent(),
                when);
    }

    private String html(String text) {
        return sanitizer.sanitizeComment(CommentText.toHtml(text)).html();
    }
}

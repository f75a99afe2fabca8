package org.broadsheet.comment;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleView;
import org.broadsheet.web.HtmlSanitizer;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.Problems;
import org.broadsheet.web.ResultPage;
import org.broadsheet.web.TextSearch;
import org.broadsheet.web.ValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of reader comments: posting (with moderation, blocklist, flood and duplicate
 * checks) and every moderator's action. Each method commits before it returns, so a
 * comment that was accepted is never lost, and publishes {@link CommentEvents} so the
 * article page shows the change at once.
 */
@Service
public class CommentService {

    /** Plausible addresses: something@domain.tld, no spaces, no angle brackets or quotes. */
    private static final Pattern EMAIL =
            Pattern.compile("[^\\s@<>\"()\\[\\],;:]+@[^\\s@<>\"()\\[\\],;:]+\\.[^\\s@<>\"()\\[\\],;:]{2,}");

    private final CommentRepository repository;
    private final CommentPolicies policies;
    private final ArticleReader articles;
    private final HtmlSanitizer sanitizer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentService(
            CommentRepository repository,
            CommentPolicies policies,
            ArticleReader articles,
            HtmlSanitizer sanitizer,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.policies = policies;
        this.articles = articles;
        this.sanitizer = sanitizer;
        this.events = events;
        this.clock = clock;
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
        long articleId = article.id();
        CommentPolicy policy = policies.current();
        if (!isOpen(article, policy)) {
            throw new CommentRefused.Closed();
        }
        NewComment comment = validate(form, visitor);
        Reply reply = replyTo(articleId, form.parentId(), policy.maxDepth());
        repository.lock("comment-email:" + comment.email().toLowerCase(Locale.ROOT));
        if (positive(policy.floodInterval()) || policy.floodPerHour() > 0) {
            repository.lock("comment-ip:" + visitor.ip());
            checkFlood(policy, comment);
        }
        repository.findDuplicate(articleId, comment.email(), comment.text()).ifPresent(id -> {
            throw new CommentRefused.Duplicate(id);
        });
        // Only the "first comment" rule needs to know the commenter: spare the query otherwise.
        boolean known = policy.moderation() == Moderation.FIRST && repository.hasApproved(comment.email());
        CommentStatus status = CommentRules.decide(policy, comment, known);
        long id = repository.insert(
                articleId,
                reply.parentId(),
                reply.depth(),
                status,
                comment.name(),
                comment.email(),
                comment.website(),
                false,
                comment.text(),
                html(comment.text()),
                visitor.ip(),
                visitor.userAgent(),
                clock.instant());
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
        NewComment edited = validate(form, new Visitor(row.ip(), row.userAgent()));
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
        NewComment reply =
                validate(new CommentForm(staffName, staffEmail, null, text, parentId), new Visitor(null, null));
        if (parent.status() != CommentStatus.APPROVED) {
            approve(parentId);
        }
        Reply at = replyTo(parent.articleId(), parentId, policies.current().maxDepth());
        long id = repository.insert(
                parent.articleId(),
                at.parentId(),
                at.depth(),
                CommentStatus.APPROVED,
                reply.name(),
                reply.email(),
                null,
                true,
                reply.text(),
                html(reply.text()),
                null,
                null,
                clock.instant());
        events.publishEvent(new CommentEvents.CommentPosted(parent.articleId(), id, CommentStatus.APPROVED));
        events.publishEvent(new CommentEvents.CommentApproved(parent.articleId(), id));
        return new Posted(id, CommentStatus.APPROVED);
    }

    /**
     * Brings in a comment written elsewhere (an import, the demo edition) with its own time
     * and status, without the reader-facing checks (flood, duplicates, closing).
     */
    @Transactional
    public Posted importComment(long articleId, CommentForm form, CommentStatus status, Instant at) {
        return importComment(articleId, form, status, false, at);
    }

    /** As {@link #importComment(long, CommentForm, CommentStatus, Instant)}, marked as the newsroom's when {@code staff}. */
    @Transactional
    public Posted importComment(long articleId, CommentForm form, CommentStatus status, boolean staff, Instant at) {
        articles.findById(articleId).orElseThrow(() -> new NotFoundException("No article " + articleId));
        NewComment comment = validate(form, new Visitor(null, null));
        Reply reply = replyTo(articleId, form.parentId(), Integer.MAX_VALUE);
        long id = repository.insert(
                articleId,
                reply.parentId(),
                reply.depth(),
                status,
                comment.name(),
                comment.email(),
                comment.website(),
                staff,
                comment.text(),
                html(comment.text()),
                null,
                null,
                at);
        if (status == CommentStatus.APPROVED) {
            events.publishEvent(new CommentEvents.CommentApproved(articleId, id));
        }
        return new Posted(id, status);
    }

    // ---- the moderation queue

    /** The most comments one bulk action may name. */
    public static final int MAX_BULK = 500;

    /**
     * How many comments wait for a moderator, for the newsroom's header on every page: one
     * count on the status index, not cached, so it is exact after every action.
     */
    public long pendingCount() {
        return repository.countByStatus(CommentStatus.PENDING);
    }

    /** How many comments have each status (every status present, zero when none), for the queue's tabs. */
    public Map<CommentStatus, Long> countsByStatus() {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, 0L);
        }
        counts.putAll(repository.countEachStatus());
        return counts;
    }

    /**
     * One page of the moderation queue: held comments first, then newest first, with the
     * commenters' private details (email, IP address, user agent) that staff need. Never for
     * reader pages.
     */
    public ResultPage<StaffComment> forStaff(StaffCommentQuery query) {
        String search = TextSearch.normalise(query.search());
        String pattern = search == null ? null : TextSearch.containing(search);
        List<StaffComment> found = repository.findForStaff(
                query.status(), pattern, query.pageSize(), ResultPage.offset(query.page(), query.pageSize()));
        Map<Long, String> urls = new HashMap<>();
        List<StaffComment> comments = found.stream()
                .map(c -> c.withArticleUrl(urls.computeIfAbsent(c.articleId(), this::publicUrl)))
                .toList();
        return new ResultPage<>(
                comments, repository.countForStaff(query.status(), pattern), query.page(), query.pageSize());
    }

    /** One comment as the moderation queue shows it; empty if there is none. */
    public Optional<StaffComment> staffComment(long id) {
        return repository.findForStaff(id).map(c -> c.withArticleUrl(publicUrl(c.articleId())));
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
        Set<Long> unique = new LinkedHashSet<>(ids == null ? List.of() : ids);
        unique.remove(null);
        new Problems()
                .require(action != null, "action", "Choose what to do with the selected comments")
                .require(!unique.isEmpty(), "ids", "Select at least one comment")
                .require(
                        unique.size() <= MAX_BULK,
                        "ids",
                        String.format(Locale.ENGLISH, "Select at most %,d comments at once", MAX_BULK))
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
        for (long id : unique) {
            apply(action, id);
        }
        return unique.size();
    }

    private String publicUrl(long articleId) {
        return articles.findById(articleId).map(ArticleView::url).orElse(null);
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

    /** Where a reply goes: under its parent, or beside it when the parent is at the deepest level. */
    private Reply replyTo(long articleId, Long parentId, int maxDepth) {
        if (parentId == null) {
            return new Reply(null, 1);
        }
        CommentRow parent = repository
                .findById(parentId)
                .filter(p -> p.articleId() == articleId && p.status() == CommentStatus.APPROVED)
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

    private String html(String text) {
        return sanitizer.sanitizeComment(CommentText.toHtml(text)).html();
    }

    private static NewComment validate(CommentForm form, Visitor visitor) {
        String name = strip(form.name());
        String email = strip(form.email());
        String website = strip(form.website());
        String text = CommentText.normalise(form.text());
        Problems problems = new Problems()
                .requireText(name, "name", "Name", CommentForm.NAME_MAX)
                .requireText(email, "email", "Email", CommentForm.EMAIL_MAX)
                .requireText(text, "comment", "Comment", CommentForm.TEXT_MAX)
                .maxLength(website, "website", "Website", CommentForm.WEBSITE_MAX);
        if (!email.isEmpty() && email.length() <= CommentForm.EMAIL_MAX) {
            problems.require(EMAIL.matcher(email).matches(), "email", "Enter an email address like name@example.com");
        }
        String url = website.isEmpty() ? null : website(website);
        problems.require(
                website.isEmpty() || url != null,
                "website",
                "Enter a web address starting with http:// or https://, or leave it empty");
        problems.throwIfAny();
        return new NewComment(name, email, url, text, visitor);
    }

    /** The website as a normalised http(s) URL with a host, or null if it is anything else. */
    static String website(String value) {
        String candidate = value.contains("://") ? value : "https://" + value;
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")
                    || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                return null;
            }
            return uri.toASCIIString().length() <= CommentForm.WEBSITE_MAX ? uri.toASCIIString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private void checkFlood(CommentPolicy policy, NewComment comment) {
        Instant now = clock.instant();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        for (CommentRepository.Activity activity : new CommentRepository.Activity[] {
            comment.visitor().ip() == null
                    ? new CommentRepository.Activity(0, null)
                    : repository.activityOfIp(comment.visitor().ip(), hourAgo),
            repository.activityOfEmail(comment.email(), hourAgo)
        }) {
            Duration sinceLatest = activity.latest() == null ? null : Duration.between(activity.latest(), now);
            if (sinceLatest != null
                    && positive(policy.floodInterval())
                    && sinceLatest.compareTo(policy.floodInterval()) < 0) {
                throw new CommentRefused.Flood(policy.floodInterval().minus(sinceLatest));
            }
            if (policy.floodPerHour() > 0 && activity.lastHour() >= policy.floodPerHour()) {
                throw new CommentRefused.Flood(Duration.ofMinutes(10));
            }
        }
    }

    private static boolean positive(Duration d) {
        return !d.isZero() && !d.isNegative();
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}

package org.broadsheet.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where an article is in its life, and what happens on the way: draft, in review, scheduled,
 * published, unpublished; the comments switch; dated corrections and update notes; the
 * scheduler's publishing of what is due. Each change that readers can see is announced with an
 * {@link ArticleEvents} event; a move the article's status does not allow is a
 * {@link org.broadsheet.web.ValidationException} on field "status", and nothing changes.
 */
@Service
public class ArticleWorkflow {

    public static final int NOTE_MAX = 2000;
    /** How far ahead an article may be scheduled: further is a typing slip (a year 20260), not an embargo. */
    public static final Duration SCHEDULE_AHEAD_MAX = Duration.ofDays(5 * 366);

    static final int PUBLISH_BATCH = 100;

    private final ArticleRepository repository;
    private final WorkflowRepository workflow;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleWorkflow(
            ArticleRepository repository, WorkflowRepository workflow, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.workflow = workflow;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Publishes an article at {@code at} (now when null), whatever its status. A time in the
     * future schedules it instead: it stays invisible to readers until then. Publishing an
     * article that is already published keeps its original date unless {@code at} is given.
     */
    @Transactional
    public void publish(long id, Instant at) {
        ArticleRow article = repository.findById(id).orElseThrow(() -> new NotFoundException("No article " + id));
        Instant now = clock.instant();
        Instant when = at != null
                ? at
                : article.status() == ArticleStatus.PUBLISHED && article.publishedAt() != null
                        ? article.publishedAt()
                        : now;
        boolean future = when.isAfter(now);
        boolean wasVisible = repository.isVisible(id);
        repository.setStatus(id, future ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED, when);
        if (!future) {
            events.publishEvent(new ArticleEvents.ArticlePublished(id));
        } else {
            if (wasVisible) {
                events.publishEvent(new ArticleEvents.ArticleUnpublished(id)); // moved back under embargo
            }
            events.publishEvent(new ArticleEvents.ArticleScheduled(id, when));
        }
    }

    /**
     * Schedules an article for {@code at}, which must be in the future and within
     * {@link #SCHEDULE_AHEAD_MAX} (a validation error on field "publishAt" otherwise): {@link ScheduledPublishing} publishes it within a minute of then.
     */
    @Transactional
    public void schedule(long id, Instant at) {
        checkScheduleTime(at);
        publish(id, at);
    }

    /** Throws the validation error {@link #schedule} would for {@code at}, so a form can check it before saving. */
    public void checkScheduleTime(Instant at) {
        new Problems()
                .require(at != null, "publishAt", "Choose when to publish")
                .require(at == null || at.isAfter(clock.instant()), "publishAt", "Choose a time in the future")
                .require(
                        at == null || !at.isAfter(clock.instant().plus(SCHEDULE_AHEAD_MAX)),
                        "publishAt",
                        "Choose a time within the next five years")
                .throwIfAny();
    }

    /** Submits a draft (or an unpublished article) for an editor's review. */
    @Transactional
    public void submitForReview(long id) {
        move(id, Move.SUBMIT);
    }

    /** Sends an article in review back to its writer, or takes a scheduled one off the schedule, as a draft. */
    @Transactional
    public void returnToDraft(long id) {
        move(id, Move.BACK_TO_DRAFT);
    }

    /** Takes a published (or scheduled) article down: its pages answer 404 and it leaves every list. */
    @Transactional
    public void unpublish(long id) {
        boolean wasVisible = repository.isVisible(id);
        move(id, Move.UNPUBLISH);
        if (wasVisible) {
            events.publishEvent(new ArticleEvents.ArticleUnpublished(id));
        }
    }

    /** A status change that is not a publication: to where, from which statuses, and why not from others. */
    private enum Move {
        SUBMIT(
                ArticleStatus.IN_REVIEW,
                Set.of(ArticleStatus.DRAFT, ArticleStatus.UNPUBLISHED),
                "Only a draft or an unpublished article can be submitted for review"),
        BACK_TO_DRAFT(
                ArticleStatus.DRAFT,
                Set.of(ArticleStatus.IN_REVIEW, ArticleStatus.SCHEDULED),
                "Only an article in review or a scheduled one can go back to draft"),
        UNPUBLISH(
                ArticleStatus.UNPUBLISHED,
                Set.of(ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED),
                "Only a published or scheduled article can be unpublished");

        private final ArticleStatus to;
        private final Set<ArticleStatus> from;
        private final String refusal;

        Move(ArticleStatus to, Set<ArticleStatus> from, String refusal) {
            this.to = to;
            this.from = from;
            this.refusal = refusal;
        }
    }

    private void move(long id, Move move) {
        ArticleStatus status = workflow.lockStatus(id).orElseThrow(() -> new NotFoundException("No article " + id));
        new Problems()
                .require(move.from.contains(status), "status", move.refusal)
                .throwIfAny();
        repository.setStatus(id, move.to, null);
    }

    /** Opens or closes an article for new comments; existing comments stay on the page. */
    @Transactional
    public void setCommentsOpen(long id, boolean open) {
        if (!repository.exists(id)) {
            throw new NotFoundException("No article " + id);
        }
        repository.setCommentsOpen(id, open);
        if (repository.isVisible(id)) {
            events.publishEvent(new ArticleEvents.ArticleChanged(id));
        }
    }

    /**
     * Adds a dated correction or update note to a published article, shown on its page for
     * good. The article's "updated" time moves to the note's (never back), so the page shows
     * "Updated" with it.
     */
    @Transactional
    public void addNote(long id, NoteKind kind, String text, Instant at) {
        ArticleStatus status = workflow.lockStatus(id).orElseThrow(() -> new NotFoundException("No article " + id));
        new Problems()
                .requireText(text, "note", "Note", NOTE_MAX)
                .require(kind != null, "kind", "Kind is required")
                .require(
                        status == ArticleStatus.PUBLISHED, "note", "Corrections and updates are for published articles")
                .throwIfAny();
        Instant when = at == null ? clock.instant() : at;
        repository.insertNote(id, kind, when, text);
        workflow.touch(id, when);
        if (repository.isVisible(id)) {
            events.publishEvent(new ArticleEvents.ArticleChanged(id));
        }
    }

    /**
     * Brings in a note written elsewhere (an import) with its own time, whatever the article's
     * status now (a story taken down keeps its corrections), without moving its "updated" time
     * (the import brings that too). A note the article already has (same kind, time and text) is
     * not added again, so an import can be run twice.
     *
     * @throws NotFoundException   there is no such article
     * @throws org.broadsheet.web.ValidationException the text is empty or too long, or the kind is missing
     */
    @Transactional
    public void importNote(long id, NoteKind kind, String text, Instant at) {
        if (!repository.exists(id)) {
            throw new NotFoundException("No article " + id);
        }
        new Problems()
                .requireText(text, "note", "Note", NOTE_MAX)
                .require(kind != null && at != null, "kind", "Kind and time are required")
                .throwIfAny();
        if (repository.insertNoteOnce(id, kind, at, text) && repository.isVisible(id)) {
            events.publishEvent(new ArticleEvents.ArticleChanged(id));
        }
    }

    /**
     * Publishes up to {@link #PUBLISH_BATCH} scheduled articles whose time has come and
     * announces each; returns how many. Safe to run on several nodes at once: each article is
     * published and announced by exactly one of them (rows another node is publishing are
     * skipped, not waited for). Call again while it returns a full batch.
     */
    @Transactional
    public int publishDue() {
        List<Long> ids = repository.publishDue(clock.instant(), PUBLISH_BATCH);
        ids.forEach(id -> events.publishEvent(new ArticleEvents.ArticlePublished(id)));
        return ids.size();
    }

    /** When the next scheduled article is due, if any is scheduled. */
    public Optional<Instant> nextScheduled() {
        return repository.nextScheduled();
    }

    /** The status of an article, for staff; empty for an unknown id. */
    public Optional<ArticleStatus> status(long id) {
        return repository.findById(id).map(ArticleRow::status);
    }
}

package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.Slugs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing articles' content: creating them, saving editors' changes as revisions (refusing an
 * edit made over someone else's), restoring an old revision, importing published articles and
 * rendering bodies again. Every write is checked first ({@link ArticleChecks}) and either
 * changes nothing (throwing {@link org.broadsheet.web.ValidationException} with every problem
 * found) or commits the whole change and announces a change readers can see with an
 * {@link ArticleEvents} event. Moving an article through its workflow is {@link ArticleWorkflow}'s.
 */
@Service
public class ArticleService {

    private final ArticleRepository repository;
    private final ArticleChecks checks;
    private final BodyRenderer renderer;
    private final TagService tags;
    private final WorkflowRepository workflow;
    private final RevisionRepository revisionStore;
    private final Revisions revisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleService(
            ArticleRepository repository,
            ArticleChecks checks,
            BodyRenderer renderer,
            TagService tags,
            WorkflowRepository workflow,
            RevisionRepository revisionStore,
            Revisions revisions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.checks = checks;
        this.renderer = renderer;
        this.tags = tags;
        this.workflow = workflow;
        this.revisionStore = revisionStore;
        this.revisions = revisions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a draft as revision 1, by no one in particular (an import, a test). Returns its
     * id, slug and any warnings about its story references.
     */
    @Transactional
    public ArticleSaved create(ArticleForm form) {
        return insert(form, null, RevisionKind.CREATED);
    }

    /**
     * Creates a draft owned by staff member {@code staffId}, first creating the tags named in
     * {@code newTags} that do not exist yet (as topics; pass them only for people who may
     * create tags, and put their slugs, {@link Slugs#from}, in the form's tags). Their autosave
     * of a new article ({@link ArticleAutosaves#autosaveNew}) goes in the same transaction: it is saved now.
     */
    @Transactional
    public ArticleSaved create(ArticleForm form, long staffId, List<String> newTags) {
        tags.createMissing(newTags);
        ArticleSaved saved = insert(form, staffId, RevisionKind.CREATED);
        workflow.setCreatedBy(saved.id(), staffId);
        revisionStore.deleteNewAutosave(staffId);
        return saved;
    }

    private ArticleSaved insert(ArticleForm given, Long staffId, RevisionKind kind) {
        ArticleForm form = checks.withLibraryImage(given, null);
        ArticleChecks.Resolved r = checks.validate(form, null);
        RenderedBody body = render(form.body(), null);
        long id;
        try {
            id = repository.insert(form, r.slug(), body.html(), r.sectionId(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw ArticleChecks.slugTaken(r.slug()); // another writer took the slug between our check and our insert
        } catch (DataIntegrityViolationException e) {
            throw ArticleChecks.imageGone(e);
        }
        saveLinks(id, r, body);
        ArticleForm stored = stored(form, r.slug());
        revisionStore.insert(id, 1, clock.instant(), staffId, kind, null, List.of(), revisions.toJson(stored));
        return new ArticleSaved(id, r.slug(), warnings(body));
    }

    /**
     * Replaces an article's content without checking for others' edits (imports, fixes by
     * the system), as a new revision by no one. A changed slug or section keeps every old
     * permalink working (they answer 301). Throws {@link NotFoundException} for an unknown id.
     */
    @Transactional
    public ArticleSaved update(long id, ArticleForm form) {
        int current = workflow.lockVersion(id).orElseThrow(() -> new NotFoundException("No article " + id));
        return write(id, current, form, null, RevisionKind.SAVED, null);
    }

    /**
     * Saves an editor's change as a new revision, unless it changes nothing. Refused with
     * {@link ArticleEditConflict} (nothing changed) when the article is no longer at
     * {@code baseVersion}, the version the editor started from: someone else saved meanwhile.
     * Tags named in {@code newTags} are created as in {@link #create(ArticleForm, long, List)}.
     * A successful save discards the person's autosave of the article.
     */
    @Transactional
    public ArticleSaved save(long id, ArticleForm form, int baseVersion, long staffId, List<String> newTags) {
        int current = lockCurrent(id, baseVersion);
        tags.createMissing(newTags);
        return write(id, current, form, staffId, RevisionKind.SAVED, null);
    }

    /**
     * Makes revision {@code number} the article's content again, as a new revision (the
     * revisions in between are kept). Refused like {@link #save} when the article is no longer
     * at {@code baseVersion}; a validation error when the old content breaks today's rules
     * (say, a tag deleted since).
     */
    @Transactional
    public ArticleSaved restore(long id, int number, int baseVersion, long staffId) {
        int current = lockCurrent(id, baseVersion);
        String content = revisionStore
                .find(id, number)
                .orElseThrow(() -> new NotFoundException("No revision " + number + " of article " + id))
                .content();
        return write(id, current, revisions.fromJson(content), staffId, RevisionKind.RESTORED, number);
    }

    private int lockCurrent(long id, int baseVersion) {
        int current = workflow.lockVersion(id).orElseThrow(() -> new NotFoundException("No article " + id));
        if (current != baseVersion) {
            throw new ArticleEditConflict(id, baseVersion, current);
        }
        return current;
    }

    /** Writes the content with the row locked at version {@code current}. */
    private ArticleSaved write(
            long id, int current, ArticleForm given, Long staffId, RevisionKind kind, Integer restoredFrom) {
        ArticleRow before = repository.findById(id).orElseThrow(() -> new NotFoundException("No article " + id));
        ArticleForm form = checks.withLibraryImage(
                given, before.image() == null ? null : before.image().mediaId());
        ArticleChecks.Resolved r = checks.validate(form, id);
        RenderedBody body = render(form.body(), id);
        ArticleForm stored = stored(form, r.slug());
        ArticleForm previous = revisionStore
                .find(id, current)
                .map(rev -> revisions.fromJson(rev.content()))
                .orElse(null);
        if (staffId != null) {
            revisionStore.deleteAutosave(id, staffId);
        }
        if (stored.equals(previous) && kind == RevisionKind.SAVED) {
            return new ArticleSaved(id, r.slug(), warnings(body)); // nothing changed: no new revision
        }
        Instant now = clock.instant();
        writeRow(id, form, r, body, now);
        int version = workflow.nextVersion(id);
        revisionStore.insert(
                id,
                version,
                now,
                staffId,
                kind,
                restoredFrom,
                revisions.changes(previous, stored),
                revisions.toJson(stored));
        if (before.status() == ArticleStatus.PUBLISHED) {
            events.publishEvent(new ArticleEvents.ArticleChanged(id));
        }
        return new ArticleSaved(id, r.slug(), warnings(body));
    }

    private void writeRow(long id, ArticleForm form, ArticleChecks.Resolved r, RenderedBody body, Instant now) {
        try {
            repository.update(id, form, r.slug(), body.html(), r.sectionId(), now);
        } catch (DuplicateKeyException e) {
            throw ArticleChecks.slugTaken(r.slug());
        } catch (DataIntegrityViolationException e) {
            throw ArticleChecks.imageGone(e);
        }
        saveLinks(id, r, body);
    }

    /** The form as it is stored: the slug it got, text stripped as the article keeps it. */
    static ArticleForm stored(ArticleForm form, String slug) {
        return new ArticleForm(
                slug,
                form.headline().strip(),
                form.standfirst() == null ? "" : form.standfirst().strip(),
                form.body() == null ? "" : form.body(),
                form.section(),
                form.authors(),
                form.tags(),
                form.image());
    }

    /**
     * Brings in an article that was already published elsewhere (an import, the demo edition),
     * keeping its original publication and last-change times.
     */
    @Transactional
    public ArticleSaved importPublished(ArticleForm form, Instant publishedAt, Instant updatedAt) {
        ArticleSaved saved = insert(form, null, RevisionKind.IMPORTED);
        repository.setStatus(saved.id(), ArticleStatus.PUBLISHED, publishedAt);
        repository.setUpdatedAt(saved.id(), updatedAt == null ? publishedAt : updatedAt);
        events.publishEvent(new ArticleEvents.ArticlePublished(saved.id()));
        return saved;
    }

    /**
     * Renders an article's stored Markdown again, resolving its story references anew (for
     * references written before their target existed). Not an editorial change: the
     * article's "updated" time stays as it was. Returns the reference warnings.
     */
    @Transactional
    public List<String> rerender(long id) {
        ArticleRow row = repository.findById(id).orElseThrow(() -> new NotFoundException("No article " + id));
        RenderedBody body = render(row.bodyMarkdown(), id);
        repository.updateBody(id, body.html());
        repository.replaceReferences(id, body.references());
        if (row.status() == ArticleStatus.PUBLISHED) {
            events.publishEvent(new ArticleEvents.ArticleChanged(id));
        }
        return warnings(body);
    }

    public long count() {
        return repository.count();
    }

    // ---- body and links

    RenderedBody render(String markdown, Long selfId) {
        return render(markdown, selfId, repository::exists);
    }

    /** As {@link #render(String, Long)}, asking {@code exists} whether an article id names one. */
    RenderedBody render(String markdown, Long selfId, java.util.function.LongPredicate exists) {
        return renderer.render(markdown, ref -> {
            Optional<Long> target =
                    ref.isId() ? parseId(ref.key()).filter(exists::test) : repository.findIdBySlug(ref.key());
            return target.filter(t -> !t.equals(selfId));
        });
    }

    private static Optional<Long> parseId(String digits) {
        return digits.length() > 18 ? Optional.empty() : Optional.of(Long.parseLong(digits));
    }

    private void saveLinks(long id, ArticleChecks.Resolved r, RenderedBody body) {
        repository.replaceAuthors(id, r.authorIds());
        repository.replaceTags(id, r.tagIds());
        repository.replaceReferences(id, body.references());
    }

    List<String> warnings(RenderedBody body) {
        List<String> warnings = new ArrayList<>(body.warnings());
        Map<Long, Boolean> checked = new HashMap<>();
        for (var ref : body.references()) {
            if (!checked.computeIfAbsent(ref.targetId(), repository::isVisible)) {
                warnings.add("The " + ref.kind().token + " reference to article " + ref.targetId()
                        + " is not published; readers will not see it until it is");
            }
        }
        return warnings;
    }
}

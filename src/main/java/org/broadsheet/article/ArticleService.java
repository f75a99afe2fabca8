package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.broadsheet.media.MediaImage;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.taxonomy.Author;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.Problems;
import org.broadsheet.web.Slugs;
import org.broadsheet.web.ValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of articles: writing, publishing and unpublishing them. Every write validates
 * its input and either changes nothing (throwing
 * {@link org.broadsheet.web.ValidationException} with every problem found) or commits the
 * whole change and announces it with an {@link ArticleEvents} event.
 */
@Service
public class ArticleService {

    static final int HEADLINE_MAX = 200;
    static final int STANDFIRST_MAX = 500;
    static final int BODY_MAX = 200_000;
    static final int MAX_AUTHORS = 10;
    static final int MAX_TAGS = 20;
    static final int NOTE_MAX = 2000;
    static final int PUBLISH_BATCH = 100;
    /** The field error for a lead image that is neither a library image nor a path. */
    public static final String CHOOSE_IMAGE = "Choose an image from the library";

    private final ArticleRepository repository;
    private final BodyRenderer renderer;
    private final SectionService sections;
    private final AuthorService authors;
    private final TagService tags;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WorkflowRepository workflow;
    private final RevisionRepository revisionStore;
    private final Revisions revisions;
    private final MediaLibrary media;

    ArticleService(
            ArticleRepository repository,
            BodyRenderer renderer,
            SectionService sections,
            AuthorService authors,
            TagService tags,
            ApplicationEventPublisher events,
            Clock clock,
            WorkflowRepository workflow,
            RevisionRepository revisionStore,
            Revisions revisions,
            MediaLibrary media) {
        this.media = media;
        this.workflow = workflow;
        this.revisionStore = revisionStore;
        this.revisions = revisions;
        this.repository = repository;
        this.renderer = renderer;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
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
     * of a new article ({@link #autosaveNew}) goes in the same transaction: it is saved now.
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
        ArticleForm form = withLibraryImage(given, null);
        Resolved r = validate(form, null);
        RenderedBody body = render(form.body(), null);
        long id;
        try {
            id = repository.insert(form, r.slug, body.html(), r.sectionId, clock.instant());
        } catch (DuplicateKeyException e) {
            throw slugTaken(r.slug); // another writer took the slug between our check and our insert
        } catch (DataIntegrityViolationException e) {
            throw imageGone(e);
        }
        saveLinks(id, r, body);
        ArticleForm stored = stored(form, r.slug);
        revisionStore.insert(id, 1, clock.instant(), staffId, kind, null, List.of(), revisions.toJson(stored));
        return new ArticleSaved(id, r.slug, warnings(body));
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
        ArticleForm form = withLibraryImage(
                given, before.image() == null ? null : before.image().mediaId());
        Resolved r = validate(form, id);
        RenderedBody body = render(form.body(), id);
        ArticleForm stored = stored(form, r.slug);
        ArticleForm previous = revisionStore
                .find(id, current)
                .map(rev -> revisions.fromJson(rev.content()))
                .orElse(null);
        if (staffId != null) {
            revisionStore.deleteAutosave(id, staffId);
        }
        if (stored.equals(previous) && kind == RevisionKind.SAVED) {
            return new ArticleSaved(id, r.slug, warnings(body)); // nothing changed: no new revision
        }
        Instant now = clock.instant();
        try {
            repository.update(id, form, r.slug, body.html(), r.sectionId, now);
        } catch (DuplicateKeyException e) {
            throw slugTaken(r.slug);
        } catch (DataIntegrityViolationException e) {
            throw imageGone(e);
        }
        saveLinks(id, r, body);
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
        return new ArticleSaved(id, r.slug, warnings(body));
    }

    /** The form as it is stored: the slug it got, text stripped as the article keeps it. */
    private static ArticleForm stored(ArticleForm form, String slug) {
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
     * Schedules an article for {@code at}, which must be in the future (a validation error on
     * field "publishAt" otherwise): {@link ScheduledPublishing} publishes it within a minute of then.
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
                .throwIfAny();
    }

    /** Submits a draft (or an unpublished article) for an editor's review. */
    @Transactional
    public void submitForReview(long id) {
        moveStatus(
                id,
                ArticleStatus.IN_REVIEW,
                Set.of(ArticleStatus.DRAFT, ArticleStatus.UNPUBLISHED),
                "Only a draft or an unpublished article can be submitted for review");
    }

    /** Sends an article in review back to its writer, or takes a scheduled one off the schedule, as a draft. */
    @Transactional
    public void returnToDraft(long id) {
        moveStatus(
                id,
                ArticleStatus.DRAFT,
                Set.of(ArticleStatus.IN_REVIEW, ArticleStatus.SCHEDULED),
                "Only an article in review or a scheduled one can go back to draft");
    }

    /** Takes a published (or scheduled) article down: its pages answer 404 and it leaves every list. */
    @Transactional
    public void unpublish(long id) {
        boolean wasVisible = repository.isVisible(id);
        moveStatus(
                id,
                ArticleStatus.UNPUBLISHED,
                Set.of(ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED),
                "Only a published or scheduled article can be unpublished");
        if (wasVisible) {
            events.publishEvent(new ArticleEvents.ArticleUnpublished(id));
        }
    }

    private void moveStatus(long id, ArticleStatus to, Set<ArticleStatus> from, String refusal) {
        ArticleStatus status = workflow.lockStatus(id).orElseThrow(() -> new NotFoundException("No article " + id));
        new Problems().require(from.contains(status), "status", refusal).throwIfAny();
        repository.setStatus(id, to, null);
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
     * Keeps what {@code staffId} has typed into the article's editor so far (one autosave per
     * article and person, replacing the last). Not a revision and not validated beyond the
     * lengths a save would accept; nothing readers see changes.
     */
    @Transactional
    public void autosave(long id, long staffId, int baseVersion, ArticleForm form) {
        if (!repository.exists(id)) {
            throw new NotFoundException("No article " + id);
        }
        checkAutosave(form);
        revisionStore.saveAutosave(id, staffId, clock.instant(), baseVersion, revisions.toJson(form));
    }

    /** Forgets {@code staffId}'s autosave of the article, if any. */
    @Transactional
    public void discardAutosave(long id, long staffId) {
        revisionStore.deleteAutosave(id, staffId);
    }

    /**
     * Keeps what {@code staffId} has typed into "Write a new article" so far, before its first
     * save: one per person, replacing the last; the same limits as {@link #autosave}. It is not
     * an article (readers and article lists never see it); {@link #create(ArticleForm, long, List)}
     * removes it. A form with nothing typed (no headline, standfirst, body, tags or image)
     * removes it too: there is nothing to lose.
     */
    @Transactional
    public void autosaveNew(long staffId, ArticleForm form) {
        checkAutosave(form);
        if (isEmpty(form)) {
            revisionStore.deleteNewAutosave(staffId);
        } else {
            revisionStore.saveNewAutosave(staffId, clock.instant(), revisions.toJson(form));
        }
    }

    /** Forgets {@code staffId}'s autosave of a new article, if any. */
    @Transactional
    public void discardNewAutosave(long staffId) {
        revisionStore.deleteNewAutosave(staffId);
    }

    private static void checkAutosave(ArticleForm form) {
        new Problems()
                .maxLength(form.headline(), "headline", "Headline", HEADLINE_MAX)
                .maxLength(form.standfirst(), "standfirst", "Standfirst", STANDFIRST_MAX)
                .maxLength(form.body(), "body", "Body", BODY_MAX)
                .require(
                        form.authors().size() <= MAX_AUTHORS && form.tags().size() <= MAX_TAGS,
                        "tags",
                        "Too many authors or tags")
                .throwIfAny();
    }

    private static boolean isEmpty(ArticleForm form) {
        return isBlank(form.headline())
                && isBlank(form.standfirst())
                && isBlank(form.body())
                && form.tags().isEmpty()
                && form.image() == null;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
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

    public long count() {
        return repository.count();
    }

    // ---- validation

    private record Resolved(String slug, long sectionId, List<Long> authorIds, List<Long> tagIds) {}

    private Resolved validate(ArticleForm form, Long id) {
        Problems problems = new Problems();
        problems.requireText(form.headline(), "headline", "Headline", HEADLINE_MAX)
                .maxLength(form.standfirst(), "standfirst", "Standfirst", STANDFIRST_MAX)
                .maxLength(form.body(), "body", "Body", BODY_MAX);
        String slug = form.slug() == null || form.slug().isBlank()
                ? Slugs.from(form.headline())
                : form.slug().strip();
        if (!Slugs.isValid(slug)) {
            problems.require(
                    false,
                    "slug",
                    "Slug must be lower-case letters and digits joined by hyphens, " + "at most " + Slugs.MAX_LENGTH
                            + " characters");
        } else {
            Optional<Long> owner = repository.findIdBySlug(slug);
            problems.require(owner.isEmpty() || owner.get().equals(id), "slug", slugTakenMessage(slug));
        }
        Optional<Section> section = Optional.ofNullable(form.section()).flatMap(sections::findBySlug);
        problems.require(
                section.isPresent(),
                "section",
                form.section() == null || form.section().isBlank() ? "Section is required" : "Unknown section");
        List<Long> authorIds = resolveAll(
                form.authors(),
                authors::findBySlugs,
                Author::slug,
                Author::id,
                "authors",
                "author",
                MAX_AUTHORS,
                problems);
        problems.require(!form.authors().isEmpty(), "authors", "At least one author is required");
        List<Long> tagIds =
                resolveAll(form.tags(), tags::findBySlugs, Tag::slug, Tag::id, "tags", "tag", MAX_TAGS, problems);
        validateImage(form.image(), problems);
        problems.throwIfAny();
        return new Resolved(slug, section.get().id(), authorIds, tagIds);
    }

    private static ValidationException slugTaken(String slug) {
        return new ValidationException(List.of(new ValidationException.Problem("slug", slugTakenMessage(slug))));
    }

    private static String slugTakenMessage(String slug) {
        return "Another article uses or used the slug \"" + slug + "\"";
    }

    private static <T> List<Long> resolveAll(
            List<String> slugs,
            Function<List<String>, List<T>> finder,
            Function<T, String> slugOf,
            Function<T, Long> idOf,
            String field,
            String label,
            int max,
            Problems problems) {
        problems.require(slugs.size() <= max, field, "At most " + max + " " + label + "s");
        problems.require(new HashSet<>(slugs).size() == slugs.size(), field, "A " + label + " is named twice");
        Map<String, Long> found = finder.apply(slugs).stream().collect(Collectors.toMap(slugOf, idOf));
        List<Long> ids = new ArrayList<>();
        for (String slug : new LinkedHashSet<>(slugs)) {
            Long authorId = found.get(slug);
            problems.require(authorId != null, field, "Unknown " + label + " \"" + slug + "\"");
            if (authorId != null) {
                ids.add(authorId);
            }
        }
        return ids;
    }

    /**
     * A library lead image as the article stores it: the path, width and height of the image's
     * default rendition, with the article's own alt text, caption and credit; when the image is
     * newly chosen (not {@code previousMediaId}), each one left blank is taken from the library.
     * An id the library does not know keeps no path, which {@link #validateImage} refuses.
     */
    private ArticleForm withLibraryImage(ArticleForm form, Long previousMediaId) {
        LeadImage image = form.image();
        if (image == null || !image.hasMediaId()) {
            return form;
        }
        Optional<MediaImage> found = image.mediaId() > 0 ? media.image(image.mediaId()) : Optional.empty();
        LeadImage resolved = found.map(library -> image.mediaId().equals(previousMediaId)
                        ? new LeadImage(
                                library.src(),
                                image.alt(),
                                image.caption(),
                                image.credit(),
                                library.width(),
                                library.height(),
                                library.mediaId(),
                                null)
                        : LeadImage.fromLibrary(library, image.alt(), image.caption(), image.credit()))
                .orElseGet(() -> new LeadImage(
                        null, image.alt(), image.caption(), image.credit(), null, null, image.mediaId(), null));
        return form.withImage(resolved);
    }

    /** Refuses a lead image that is neither a library image ({@link #withLibraryImage} resolved it) nor a path. */
    private static void validateImage(LeadImage image, Problems problems) {
        if (image == null) {
            return;
        }
        if (image.hasMediaId() || image.path() == null || image.path().isBlank()) {
            problems.require(image.path() != null && !image.path().isBlank(), "image.mediaId", CHOOSE_IMAGE);
        } else {
            problems.requireText(image.path(), "image.path", "Image path", 500)
                    .require(
                            image.path().startsWith("/") && !image.path().startsWith("//"),
                            "image.path",
                            "Image path must be a path on this site, such as /media/photo.jpg");
        }
        problems.requireText(image.alt(), "image.alt", "Image alt text", 300)
                .maxLength(image.caption(), "image.caption", "Caption", 500)
                .maxLength(image.credit(), "image.credit", "Credit", 200)
                .require(
                        image.width() == null || image.width() > 0 && image.width() <= 20000,
                        "image.width",
                        "Image width must be between 1 and 20000")
                .require(
                        image.height() == null || image.height() > 0 && image.height() <= 20000,
                        "image.height",
                        "Image height must be between 1 and 20000");
    }

    /**
     * The library image was deleted between the check and the write (the foreign key refused
     * it): the same field error as an unknown id. Any other integrity error is not ours to explain.
     */
    private static RuntimeException imageGone(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        if (!message.contains("image_media_id")) {
            return e;
        }
        return new ValidationException(List.of(new ValidationException.Problem("image.mediaId", CHOOSE_IMAGE)));
    }

    // ---- body and links

    RenderedBody render(String markdown, Long selfId) {
        return renderer.render(markdown, ref -> {
            Optional<Long> target =
                    ref.isId() ? parseId(ref.key()).filter(repository::exists) : repository.findIdBySlug(ref.key());
            return target.filter(t -> !t.equals(selfId));
        });
    }

    private static Optional<Long> parseId(String digits) {
        return digits.length() > 18 ? Optional.empty() : Optional.of(Long.parseLong(digits));
    }

    private void saveLinks(long id, Resolved r, RenderedBody body) {
        repository.replaceAuthors(id, r.authorIds);
        repository.replaceTags(id, r.tagIds);
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

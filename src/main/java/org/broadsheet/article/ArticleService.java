package org.broadsheet.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.broadsheet.author.Author;
import org.broadsheet.author.AuthorService;
import org.broadsheet.section.Section;
import org.broadsheet.section.SectionService;
import org.broadsheet.tag.Tag;
import org.broadsheet.tag.TagService;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.Problems;
import org.broadsheet.web.Slugs;
import org.broadsheet.web.ValidationException;
import org.springframework.context.ApplicationEventPublisher;
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

    private final ArticleRepository repository;
    private final BodyRenderer renderer;
    private final SectionService sections;
    private final AuthorService authors;
    private final TagService tags;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleService(ArticleRepository repository, BodyRenderer renderer, SectionService sections,
                   AuthorService authors, TagService tags, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.renderer = renderer;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a draft. Returns its id, slug and any warnings about its story references. */
    @Transactional
    public ArticleSaved create(ArticleForm form) {
        Resolved r = validate(form, null);
        RenderedBody body = render(form.body(), null);
        long id;
        try {
            id = repository.insert(form, r.slug, body.html(), r.sectionId, clock.instant());
        } catch (DuplicateKeyException e) {
            throw slugTaken(r.slug); // another writer took the slug between our check and our insert
        }
        saveLinks(id, r, body);
        return new ArticleSaved(id, r.slug, warnings(body));
    }

    /**
     * Replaces an article's content. A changed slug or section keeps every old permalink
     * working (they answer 301). Throws {@link NotFoundException} for an unknown id.
     */
    @Transactional
    public ArticleSaved update(long id, ArticleForm form) {
        ArticleRow before = repository.findById(id).orElseThrow(() -> new NotFoundException("No article " + id));
        Resolved r = validate(form, id);
        RenderedBody body = render(form.body(), id);
        try {
            repository.update(id, form, r.slug, body.html(), r.sectionId, clock.instant());
        } catch (DuplicateKeyException e) {
            throw slugTaken(r.slug);
        }
        saveLinks(id, r, body);
        if (before.status() == ArticleStatus.PUBLISHED) {
            events.publishEvent(new ArticleEvents.ArticleChanged(id));
        }
        return new ArticleSaved(id, r.slug, warnings(body));
    }

    /**
     * Publishes an article at {@code at} (now when null). A time in the future schedules it
     * instead: it stays invisible to readers until then. Publishing an article that is
     * already published keeps its original date unless {@code at} is given.
     */
    @Transactional
    public void publish(long id, Instant at) {
        ArticleRow article = repository.findById(id).orElseThrow(() -> new NotFoundException("No article " + id));
        Instant now = clock.instant();
        Instant when = at != null ? at
                : article.status() == ArticleStatus.PUBLISHED && article.publishedAt() != null
                ? article.publishedAt() : now;
        boolean future = when.isAfter(now);
        repository.setStatus(id, future ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED, when);
        if (!future) {
            events.publishEvent(new ArticleEvents.ArticlePublished(id));
        }
    }

    /** Takes an article down: its pages answer 404 and it leaves every list. */
    @Transactional
    public void unpublish(long id) {
        ArticleRow article = repository.findById(id).orElseThrow(() -> new NotFoundException("No article " + id));
        repository.setStatus(id, ArticleStatus.UNPUBLISHED, null);
        if (article.status() == ArticleStatus.PUBLISHED) {
            events.publishEvent(new ArticleEvents.ArticleUnpublished(id));
        }
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

    /** Adds a dated correction or update note, shown on the article page for good. */
    @Transactional
    public void addNote(long id, NoteKind kind, String text, Instant at) {
        if (!repository.exists(id)) {
            throw new NotFoundException("No article " + id);
        }
        new Problems().requireText(text, "note", "Note", 2000).require(kind != null, "kind", "Kind is required")
                .throwIfAny();
        repository.insertNote(id, kind, at == null ? clock.instant() : at, text);
        if (repository.isVisible(id)) {
            events.publishEvent(new ArticleEvents.ArticleChanged(id));
        }
    }

    /**
     * Brings in an article that was already published elsewhere (an import, the demo edition),
     * keeping its original publication and last-change times.
     */
    @Transactional
    public ArticleSaved importPublished(ArticleForm form, Instant publishedAt, Instant updatedAt) {
        ArticleSaved saved = create(form);
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

    /** Publishes every scheduled article whose time has come; returns how many. */
    @Transactional
    public int publishDue() {
        List<Long> ids = repository.publishDue(clock.instant());
        ids.forEach(id -> events.publishEvent(new ArticleEvents.ArticlePublished(id)));
        return ids.size();
    }

    /** The status of an article, for staff; empty for an unknown id. */
    public Optional<ArticleStatus> status(long id) {
        return repository.findById(id).map(ArticleRow::status);
    }

    public long count() {
        return repository.count();
    }

    // ---- validation

    private record Resolved(String slug, long sectionId, List<Long> authorIds, List<Long> tagIds) {
    }

    private Resolved validate(ArticleForm form, Long id) {
        Problems problems = new Problems();
        problems.requireText(form.headline(), "headline", "Headline", HEADLINE_MAX)
                .maxLength(form.standfirst(), "standfirst", "Standfirst", STANDFIRST_MAX)
                .maxLength(form.body(), "body", "Body", BODY_MAX);
        String slug = form.slug() == null || form.slug().isBlank() ? Slugs.from(form.headline()) : form.slug().strip();
        if (!Slugs.isValid(slug)) {
            problems.require(false, "slug", "Slug must be lower-case letters and digits joined by hyphens, "
                    + "at most " + Slugs.MAX_LENGTH + " characters");
        } else {
            Optional<Long> owner = repository.findIdBySlug(slug);
            problems.require(owner.isEmpty() || owner.get().equals(id), "slug", slugTakenMessage(slug));
        }
        Optional<Section> section = Optional.ofNullable(form.section()).flatMap(sections::findBySlug);
        problems.require(section.isPresent(), "section",
                form.section() == null || form.section().isBlank() ? "Section is required" : "Unknown section");
        List<Long> authorIds = resolveAll(form.authors(), authors::findBySlugs, Author::slug, Author::id,
                "authors", "author", MAX_AUTHORS, problems);
        problems.require(!form.authors().isEmpty(), "authors", "At least one author is required");
        List<Long> tagIds = resolveAll(form.tags(), tags::findBySlugs, Tag::slug, Tag::id, "tags", "tag",
                MAX_TAGS, problems);
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

    private static <T> List<Long> resolveAll(List<String> slugs, Function<List<String>, List<T>> finder,
                                             Function<T, String> slugOf, Function<T, Long> idOf,
                                             String field, String label, int max, Problems problems) {
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

    private static void validateImage(LeadImage image, Problems problems) {
        if (image == null) {
            return;
        }
        problems.requireText(image.path(), "image.path", "Image path", 500)
                .require(image.path() == null || image.path().startsWith("/") && !image.path().startsWith("//"),
                        "image.path", "Image path must be a path on this site, such as /media/photo.jpg")
                .requireText(image.alt(), "image.alt", "Image alt text", 300)
                .maxLength(image.caption(), "image.caption", "Caption", 500)
                .maxLength(image.credit(), "image.credit", "Credit", 200)
                .require(image.width() == null || image.width() > 0 && image.width() <= 20000, "image.width",
                        "Image width must be between 1 and 20000")
                .require(image.height() == null || image.height() > 0 && image.height() <= 20000, "image.height",
                        "Image height must be between 1 and 20000");
    }

    // ---- body and links

    private RenderedBody render(String markdown, Long selfId) {
        return renderer.render(markdown, ref -> {
            Optional<Long> target = ref.isId()
                    ? parseId(ref.key()).filter(repository::exists)
                    : repository.findIdBySlug(ref.key());
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

    private List<String> warnings(RenderedBody body) {
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

    static boolean changedWellAfter(Instant published, Instant updated, Duration threshold) {
        return published != null && updated != null && Duration.between(published, updated).compareTo(threshold) > 0;
    }
}

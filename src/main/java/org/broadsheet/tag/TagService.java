package org.broadsheet.tag;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.web.MovedAddresses;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.Problems;
import org.broadsheet.web.ResultPage;
import org.broadsheet.web.SiteUrls;
import org.broadsheet.web.Slugs;
import org.broadsheet.web.TaxonomyChanged;
import org.broadsheet.web.TextSearch;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tags and topics. A tag whose slug changes keeps its former slug: {@code /tag/old} (and its
 * later pages) answers 301 to the new address, until another tag takes that slug. Every
 * change publishes {@link TaxonomyChanged}, so reader caches show it at once.
 */
@Service
public class TagService implements MovedAddresses {

    private static final String KIND = TaxonomyChanged.TAG;

    private static final Pattern TAG_PATH = Pattern.compile("/tag/([a-z0-9-]{1,120})(/page/[0-9]{1,6})?");

    private final TagRepository repository;
    private final SiteUrls urls;
    private final ApplicationEventPublisher events;

    TagService(TagRepository repository, SiteUrls urls, ApplicationEventPublisher events) {
        this.repository = repository;
        this.urls = urls;
        this.events = events;
    }

    public Optional<Tag> findBySlug(String slug) {
        return Slugs.isValid(slug) ? repository.findBySlug(slug) : Optional.empty();
    }

    public Optional<Tag> findById(long id) {
        return repository.findById(id);
    }

    /** The tags with these slugs, in no particular order; unknown slugs are left out. */
    public List<Tag> findBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : repository.findBySlugs(slugs);
    }

    /**
     * One page of tags by name, each with how many articles carry it; {@code query} (may be
     * null) keeps those whose name or slug contains it, ignoring case.
     */
    public ResultPage<TagSummary> list(String query, int page, int pageSize) {
        String q = TextSearch.normalise(query);
        String pattern = q == null ? null : TextSearch.containing(q);
        return new ResultPage<>(
                repository.findSummaries(pattern, pageSize, ResultPage.offset(page, pageSize)),
                repository.countMatching(pattern),
                page,
                pageSize);
    }

    /**
     * Creates a tag (a blank slug is made from the name); refused when the slug is malformed or
     * taken, the name missing, or the kind unknown.
     */
    @Transactional
    public Tag create(TagForm form) {
        form = new TagForm(Slugs.orFrom(form.slug(), form.name()), form.name(), form.kind());
        String kind = validate(form, null);
        repository.formerSlugs().forget(form.slug());
        repository.insert(form, kind);
        Tag tag = repository.findBySlug(form.slug()).orElseThrow();
        events.publishEvent(new TaxonomyChanged(KIND, tag.id()));
        return tag;
    }

    /**
     * Changes a tag's name, kind and slug. A changed slug is remembered, so the old address
     * answers 301. Refused like {@link #create}; an unknown id is a {@link NotFoundException}.
     */
    @Transactional
    public Tag update(long id, TagForm form) {
        Tag before = find(id);
        String kind = validate(form, before);
        repository.formerSlugs().renamed(before.slug(), form.slug(), id);
        repository.update(id, form, kind);
        events.publishEvent(new TaxonomyChanged(KIND, id));
        return repository.findById(id).orElseThrow();
    }

    /**
     * Deletes a tag that no article carries; one in use is refused with a
     * {@link org.broadsheet.web.ValidationException} saying by how many.
     */
    @Transactional
    public void delete(long id) {
        Tag tag = find(id);
        long articles = repository.countArticles(id);
        new Problems()
                .require(
                        articles == 0,
                        "tag",
                        "“" + tag.name() + "” is on " + articles
                                + (articles == 1 ? " article" : " articles")
                                + ". Remove it from them before deleting it.")
                .throwIfAny();
        repository.delete(id);
        events.publishEvent(new TaxonomyChanged(KIND, id));
    }

    /** {@code /tag/old-slug} (and its later pages) of a renamed tag: the same page at its new address. */
    @Override
    public Optional<String> movedTo(String path) {
        Matcher m = TAG_PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        return repository
                .formerSlugs()
                .findRenamed(m.group(1))
                .map(slug -> urls.tag(slug) + (m.group(2) == null ? "" : m.group(2)));
    }

    private Tag find(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("No tag " + id));
    }

    /** The kind the tag will have ("topic" when none is given). */
    private String validate(TagForm form, Tag before) {
        String kind = form.kind() == null || form.kind().isBlank() ? "topic" : form.kind();
        boolean sameSlug = before != null && before.slug().equals(form.slug());
        new Problems()
                .require(Slugs.isValid(form.slug()), "slug", "Slug must be lower-case words joined by hyphens")
                .require(
                        form.slug() == null
                                || sameSlug
                                || repository.findBySlug(form.slug()).isEmpty(),
                        "slug",
                        "Another tag already uses that slug")
                .requireText(form.name(), "name", "Name", 80)
                .require(Tag.KINDS.contains(kind), "kind", "Kind must be one of " + String.join(", ", Tag.KINDS))
                .throwIfAny();
        return kind;
    }

    /** Every tag, by name (the newsroom's tag suggestions). */
    public List<Tag> all() {
        return repository.findAll();
    }
}

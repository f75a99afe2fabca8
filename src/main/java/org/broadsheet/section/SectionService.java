package org.broadsheet.section;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.platform.ClusterEventsResumed;
import org.broadsheet.web.MovedAddresses;
import org.broadsheet.web.NavLink;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.Problems;
import org.broadsheet.web.SiteNavigation;
import org.broadsheet.web.SiteSettings;
import org.broadsheet.web.SiteUrls;
import org.broadsheet.web.Slugs;
import org.broadsheet.web.TaxonomyChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sections and the site navigation built from them. The list is read on every page, so it
 * is held in memory: refreshed on every change made through this service (at once, and
 * again when the writing transaction ends) and at least once a minute (for changes made by
 * other nodes).
 *
 * <p>A section whose slug changes keeps its former slug: {@code /old} and
 * {@code /old/page/n} answer 301 to the new address (articles already answer 301 from any
 * section in their path), until another section takes that slug.
 */
@Service
public class SectionService implements SiteNavigation, MovedAddresses {

    /** First path segments that belong to the site itself and so can never name a section. */
    public static final Set<String> RESERVED_SLUGS = Set.of(
            "page",
            "tag",
            "topic",
            "author",
            "authors",
            "search",
            "feed",
            "feeds",
            "rss",
            "atom",
            "sitemap",
            "newsroom",
            "admin",
            "api",
            "assets",
            "media",
            "static",
            "error",
            "login",
            "logout",
            "account",
            "comments",
            "actuator",
            "health",
            "about",
            "latest");

    private static final String KIND = TaxonomyChanged.SECTION;

    private static final String ALL = "all";
    private static final Pattern SECTION_PATH = Pattern.compile("/([a-z0-9-]{1,120})(/page/[0-9]{1,6})?");

    private final SectionRepository repository;
    private final SiteUrls urls;
    private final ApplicationEventPublisher events;
    private final LoadingCache<String, List<Section>> cache;

    SectionService(
            SectionRepository repository, SiteUrls urls, SiteSettings settings, ApplicationEventPublisher events) {
        this.repository = repository;
        this.urls = urls;
        this.events = events;
        this.cache = Caffeine.newBuilder()
                .refreshAfterWrite(settings.cacheTtl())
                .build(key -> List.copyOf(repository.findAll()));
    }

    /** All sections in navigation order. */
    public List<Section> all() {
        return cache.get(ALL);
    }

    public Optional<Section> findBySlug(String slug) {
        return all().stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    public Optional<Section> findById(long id) {
        return repository.findById(id);
    }

    /** All sections in navigation order, each with how many articles of any status it holds. */
    public List<SectionSummary> summaries() {
        Map<Long, Long> counts = repository.countArticles();
        return repository.findAll().stream()
                .map(s -> new SectionSummary(s, counts.getOrDefault(s.id(), 0L)))
                .toList();
    }

    @Override
    public List<NavLink> sections() {
        return all().stream()
                .map(s -> new NavLink(s.slug(), s.name(), urls.section(s.slug())))
                .toList();
    }

    /**
     * Creates a section, last in the navigation unless the form gives a position; a blank slug
     * is made from the name. Refused
     * with a {@link org.broadsheet.web.ValidationException} when the slug is malformed,
     * reserved or taken, or the name is missing or too long.
     */
    @Transactional
    public Section create(SectionForm form) {
        form = new SectionForm(
                Slugs.orFrom(form.slug(), form.name()), form.name(), form.description(), form.position());
        validate(form, null);
        int position = form.position() != null ? form.position() : repository.nextPosition();
        repository.formerSlugs().forget(form.slug());
        long id = repository.insert(form, position);
        changed(id);
        return repository.findById(id).orElseThrow();
    }

    /**
     * Changes a section's name, description and slug (its place too when the form gives a
     * position). A changed slug is remembered, so the old address answers 301. Refused like
     * {@link #create}; an unknown id is a {@link NotFoundException}.
     */
    @Transactional
    public Section update(long id, SectionForm form) {
        Section before = find(id);
        validate(form, before);
        repository.formerSlugs().renamed(before.slug(), form.slug(), id);
        repository.update(id, form, form.position() != null ? form.position() : before.position());
        changed(id);
        return repository.findById(id).orElseThrow();
    }

    /**
     * Puts the sections in this navigation order. {@code ids} must name every section exactly
     * once, else nothing changes and a {@link org.broadsheet.web.ValidationException} says so.
     */
    @Transactional
    public void reorder(List<Long> ids) {
        List<Section> current = repository.findAll();
        Set<Long> known = new HashSet<>(current.stream().map(Section::id).toList());
        new Problems()
                .require(
                        ids.size() == known.size() && new HashSet<>(ids).equals(known),
                        "order",
                        "The order must list every section once; reload the page and try again")
                .throwIfAny();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            int position = i + 1;
            if (current.stream().noneMatch(s -> s.id() == id && s.position() == position)) {
                repository.setPosition(id, position);
            }
        }
        changed(0);
    }

    /** Moves a section one place earlier in the navigation; the first stays where it is. */
    @Transactional
    public void moveUp(long id) {
        move(id, -1);
    }

    /** Moves a section one place later in the navigation; the last stays where it is. */
    @Transactional
    public void moveDown(long id) {
        move(id, 1);
    }

    /**
     * Deletes a section that holds no article (of any status); one that holds some is refused
     * with a {@link org.broadsheet.web.ValidationException} saying how many to move first.
     */
    @Transactional
    public void delete(long id) {
        Section section = find(id);
        long articles = repository.countArticles(id);
        new Problems()
                .require(
                        articles == 0,
                        "section",
                        "“" + section.name() + "” holds " + articles
                                + (articles == 1 ? " article" : " articles")
                                + ". Move them to another section before deleting it.")
                .throwIfAny();
        repository.delete(id);
        changed(id);
    }

    /** {@code /old-slug} and {@code /old-slug/page/n} of a renamed section: the same page at its new address. */
    @Override
    public Optional<String> movedTo(String path) {
        Matcher m = SECTION_PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        return repository
                .formerSlugs()
                .findRenamed(m.group(1))
                .map(slug -> urls.section(slug) + (m.group(2) == null ? "" : m.group(2)));
    }

    @EventListener
    void onChange(TaxonomyChanged event) {
        forget(event);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
    void afterChangeCompleted(TaxonomyChanged event) {
        forget(event);
    }

    @EventListener
    void onResumed(ClusterEventsResumed event) {
        cache.invalidateAll();
    }

    private void forget(TaxonomyChanged event) {
        if (KIND.equals(event.kind())) {
            cache.invalidateAll();
        }
    }

    private void move(long id, int by) {
        List<Long> ids =
                new ArrayList<>(repository.findAll().stream().map(Section::id).toList());
        int from = ids.indexOf(id);
        if (from < 0) {
            throw new NotFoundException("No section " + id);
        }
        int to = from + by;
        if (to >= 0 && to < ids.size()) {
            ids.set(from, ids.get(to));
            ids.set(to, id);
        }
        reorder(ids);
    }

    private Section find(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("No section " + id));
    }

    private void validate(SectionForm form, Section before) {
        boolean sameSlug = before != null && before.slug().equals(form.slug());
        new Problems()
                .require(Slugs.isValid(form.slug()), "slug", "Slug must be lower-case words joined by hyphens")
                .require(
                        form.slug() == null || !RESERVED_SLUGS.contains(form.slug()),
                        "slug",
                        "That slug is reserved by the site")
                .require(
                        form.slug() == null || sameSlug || !repository.existsBySlug(form.slug()),
                        "slug",
                        "Another section already uses that slug")
                .requireText(form.name(), "name", "Name", 80)
                .maxLength(form.description(), "description", "Description", 300)
                .require(
                        form.position() == null || form.position() >= 0 && form.position() <= 10_000,
                        "position",
                        "Position must be between 0 and 10,000")
                .throwIfAny();
    }

    private void changed(long id) {
        events.publishEvent(new TaxonomyChanged(KIND, id));
    }
}

package org.broadsheet.section;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.broadsheet.web.NavLink;
import org.broadsheet.web.Problems;
import org.broadsheet.web.SiteNavigation;
import org.broadsheet.web.SiteUrls;
import org.broadsheet.web.Slugs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sections and the site navigation built from them. The list is read on every page, so it
 * is held in memory: refreshed on every change made through this service and at least
 * once a minute (for changes made by other nodes).
 */
@Service
public class SectionService implements SiteNavigation {

    /** First path segments that belong to the site itself and so can never name a section. */
    public static final Set<String> RESERVED_SLUGS = Set.of("page", "tag", "topic", "author", "authors", "search",
            "feed", "feeds", "rss", "atom", "sitemap", "newsroom", "admin", "api", "assets", "media", "static",
            "error", "login", "logout", "account", "comments", "actuator", "health", "about", "latest");

    private static final String ALL = "all";

    private final SectionRepository repository;
    private final SiteUrls urls;
    private final LoadingCache<String, List<Section>> cache;

    SectionService(SectionRepository repository, SiteUrls urls) {
        this.repository = repository;
        this.urls = urls;
        this.cache = Caffeine.newBuilder().refreshAfterWrite(Duration.ofMinutes(1))
                .build(key -> List.copyOf(repository.findAll()));
    }

    /** All sections in navigation order. */
    public List<Section> all() {
        return cache.get(ALL);
    }

    public Optional<Section> findBySlug(String slug) {
        return all().stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    @Override
    public List<NavLink> sections() {
        return all().stream().map(s -> new NavLink(s.slug(), s.name(), urls.section(s.slug()))).toList();
    }

    /**
     * Creates a section. Refused with a {@link org.broadsheet.web.ValidationException} when
     * the slug is malformed, reserved or taken, or the name is missing or too long.
     */
    @Transactional
    public Section create(SectionForm form) {
        new Problems()
                .require(Slugs.isValid(form.slug()), "slug", "Slug must be lower-case words joined by hyphens")
                .require(!RESERVED_SLUGS.contains(form.slug()), "slug", "That slug is reserved by the site")
                .require(form.slug() == null || !repository.existsBySlug(form.slug()), "slug",
                        "Another section already uses that slug")
                .requireText(form.name(), "name", "Name", 80)
                .maxLength(form.description(), "description", "Description", 300)
                .throwIfAny();
        int position = form.position() != null ? form.position() : repository.nextPosition();
        long id = repository.insert(form, position);
        cache.invalidateAll();
        return repository.findBySlug(form.slug()).filter(s -> s.id() == id).orElseThrow();
    }
}

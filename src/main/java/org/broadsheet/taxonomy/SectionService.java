package org.broadsheet.taxonomy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.broadsheet.web.NavLink;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.Problems;
import org.broadsheet.web.SiteNavigation;
import org.broadsheet.web.SiteSettings;
import org.broadsheet.web.SiteUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sections, at {@code /{slug}}, and the site navigation built from them in their order. The
 * list is read on every page, so look-ups by slug use the list kept in memory.
 */
@Service
public class SectionService extends TermService<Section> implements SiteNavigation {

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

    private final SectionRepository repository;
    private final SiteUrls urls;

    SectionService(
            SectionRepository repository, SiteUrls urls, SiteSettings settings, ApplicationEventPublisher events) {
        super(Taxonomy.SECTION, repository, urls::section, "/", settings, events);
        this.repository = repository;
        this.urls = urls;
    }

    @Override
    public Optional<Section> findBySlug(@Nullable String slug) {
        return all().stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    @Override
    public List<NavLink> sections() {
        return all().stream()
                .map(s -> new NavLink(s.slug(), s.name(), urls.section(s.slug())))
                .toList();
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

    @Override
    void checkOwn(TermForm form, Problems problems) {
        problems.require(
                        form.slug() == null || !RESERVED_SLUGS.contains(form.slug()),
                        "slug",
                        "That slug is reserved by the site")
                .maxLength(form.description(), "description", "Description", TermForm.DESCRIPTION_MAX);
    }

    @Override
    String inUse(Section section, long articles) {
        return "“" + section.name() + "” holds " + articles(articles)
                + ". Move them to another section before deleting it.";
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
}

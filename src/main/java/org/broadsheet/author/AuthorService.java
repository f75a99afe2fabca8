package org.broadsheet.author;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.web.MovedAddresses;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.Problems;
import org.broadsheet.web.SiteUrls;
import org.broadsheet.web.Slugs;
import org.broadsheet.web.TaxonomyChanged;
import org.broadsheet.web.ValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authors: the people in bylines. An author whose slug changes keeps the former slug:
 * {@code /author/old} (and its later pages) answers 301 to the new address, until another
 * author takes that slug. Every change publishes {@link TaxonomyChanged}, so reader caches
 * show it at once.
 */
@Service
public class AuthorService implements MovedAddresses {

    private static final String KIND = TaxonomyChanged.AUTHOR;

    /** A site-relative path: one leading slash, then no spaces, quotes or angle brackets. */
    private static final Pattern PHOTO = Pattern.compile("/[^/\\s\"'<>\\\\][^\\s\"'<>\\\\]*");

    private static final Pattern AUTHOR_PATH = Pattern.compile("/author/([a-z0-9-]{1,120})(/page/[0-9]{1,6})?");

    private final AuthorRepository repository;
    private final SiteUrls urls;
    private final ApplicationEventPublisher events;

    AuthorService(AuthorRepository repository, SiteUrls urls, ApplicationEventPublisher events) {
        this.repository = repository;
        this.urls = urls;
        this.events = events;
    }

    public Optional<Author> findBySlug(String slug) {
        return Slugs.isValid(slug) ? repository.findBySlug(slug) : Optional.empty();
    }

    public Optional<Author> findById(long id) {
        return repository.findById(id);
    }

    /** The authors with these slugs, in no particular order; unknown slugs are left out. */
    public List<Author> findBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : repository.findBySlugs(slugs);
    }

    public List<Author> all() {
        return repository.findAll();
    }

    /** Every author by name, each with how many articles (of any status) carry the byline. */
    public List<AuthorSummary> summaries() {
        return repository.findSummaries();
    }

    /**
     * Creates an author (a blank slug is made from the name); refused when the slug is malformed or taken, the name is missing, a
     * text is too long or the photo is not a site-relative path.
     */
    @Transactional
    public Author create(AuthorForm form) {
        form = new AuthorForm(
                Slugs.orFrom(form.slug(), form.name()), form.name(), form.title(), form.bio(), form.photo());
        validate(form, null);
        repository.formerSlugs().forget(form.slug());
        long id = repository.insert(form);
        events.publishEvent(new TaxonomyChanged(KIND, id));
        return repository.findById(id).orElseThrow();
    }

    /**
     * Changes an author's name, title, bio, photo and slug. A changed slug is remembered, so
     * the old address answers 301. Refused like {@link #create}; an unknown id is a
     * {@link NotFoundException}.
     */
    @Transactional
    public Author update(long id, AuthorForm form) {
        Author before = find(id);
        validate(form, before);
        repository.formerSlugs().renamed(before.slug(), form.slug(), id);
        repository.update(id, form);
        events.publishEvent(new TaxonomyChanged(KIND, id));
        return repository.findById(id).orElseThrow();
    }

    /**
     * Deletes an author no article names and no staff account writes as; otherwise refused
     * with a {@link ValidationException} that says why.
     */
    @Transactional
    public void delete(long id) {
        Author author = find(id);
        long articles = repository.countArticles(id);
        new Problems()
                .require(
                        articles == 0,
                        "author",
                        author.name() + " is in the byline of " + articles
                                + (articles == 1 ? " article" : " articles")
                                + ". Take the byline off them before deleting the author.")
                .throwIfAny();
        try {
            repository.delete(id);
        } catch (DataIntegrityViolationException e) {
            // the one other reference is a staff account's byline (staff_user.author_id)
            throw new ValidationException(
                    List.of(
                            new ValidationException.Problem(
                                    "author",
                                    author.name()
                                            + " is the byline of a staff account. Change that account's byline before deleting the author.")));
        }
        events.publishEvent(new TaxonomyChanged(KIND, id));
    }

    /** {@code /author/old-slug} (and its later pages) of a renamed author: the same page at the new address. */
    @Override
    public Optional<String> movedTo(String path) {
        Matcher m = AUTHOR_PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        return repository
                .formerSlugs()
                .findRenamed(m.group(1))
                .map(slug -> urls.author(slug) + (m.group(2) == null ? "" : m.group(2)));
    }

    private Author find(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("No author " + id));
    }

    private void validate(AuthorForm form, Author before) {
        boolean sameSlug = before != null && before.slug().equals(form.slug());
        String photo = form.photo() == null ? "" : form.photo().strip();
        new Problems()
                .require(Slugs.isValid(form.slug()), "slug", "Slug must be lower-case words joined by hyphens")
                .require(
                        form.slug() == null
                                || sameSlug
                                || repository.findBySlug(form.slug()).isEmpty(),
                        "slug",
                        "Another author already uses that slug")
                .requireText(form.name(), "name", "Name", 120)
                .maxLength(form.title(), "title", "Title", 120)
                .maxLength(form.bio(), "bio", "Bio", 1000)
                .maxLength(photo, "photo", "Photo path", 500)
                .require(
                        photo.isEmpty() || PHOTO.matcher(photo).matches(),
                        "photo",
                        "Photo must be a path on this site starting with /, such as /media/2026/06/portrait.jpg")
                .throwIfAny();
    }
}

package org.broadsheet.taxonomy;

import java.util.regex.Pattern;
import org.broadsheet.web.Problems;
import org.broadsheet.web.SiteSettings;
import org.broadsheet.web.SiteUrls;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Authors: the people in bylines, at {@code /author/{slug}}, with a job title, a bio and a
 * photo. An author who is a staff account's byline cannot be deleted either.
 */
@Service
public class AuthorService extends TermService<Author> {

    /** A site-relative path: one leading slash, then no spaces, quotes or angle brackets. */
    private static final Pattern PHOTO = Pattern.compile("/[^/\\s\"'<>\\\\][^\\s\"'<>\\\\]*");

    private final AuthorRepository repository;

    AuthorService(AuthorRepository repository, SiteUrls urls, SiteSettings settings, ApplicationEventPublisher events) {
        super(Taxonomy.AUTHOR, repository, urls::author, "/author/", settings, events);
        this.repository = repository;
    }

    @Override
    void checkOwn(TermForm form, Problems problems) {
        String photo = TermForm.text(form.photo());
        problems.maxLength(form.title(), "title", "Title", TermForm.TITLE_MAX)
                .maxLength(form.bio(), "bio", "Bio", TermForm.BIO_MAX)
                .maxLength(photo, "photo", "Photo path", TermForm.PHOTO_MAX)
                .require(
                        photo.isEmpty() || PHOTO.matcher(photo).matches(),
                        "photo",
                        "Photo must be a path on this site starting with /, such as /media/2026/06/portrait.jpg");
    }

    @Override
    String inUse(Author author, long articles) {
        return author.name() + " is in the byline of " + articles(articles)
                + ". Take the byline off them before deleting the author.";
    }

    /** The one other table that refers to authors: a staff account writes as the author. */
    @Override
    boolean isReferencedElsewhere(long id) {
        return repository.isStaffByline(id);
    }

    @Override
    String referencedElsewhere(Author author) {
        return author.name()
                + " is the byline of a staff account. Change that account's byline before deleting the author.";
    }
}

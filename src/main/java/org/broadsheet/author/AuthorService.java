package org.broadsheet.author;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.broadsheet.web.Problems;
import org.broadsheet.web.Slugs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Authors: the people in bylines. */
@Service
public class AuthorService {

    private final AuthorRepository repository;

    AuthorService(AuthorRepository repository) {
        this.repository = repository;
    }

    public Optional<Author> findBySlug(String slug) {
        return Slugs.isValid(slug) ? repository.findBySlug(slug) : Optional.empty();
    }

    /** The authors with these slugs, in no particular order; unknown slugs are left out. */
    public List<Author> findBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : repository.findBySlugs(slugs);
    }

    public List<Author> all() {
        return repository.findAll();
    }

    /** Creates an author; refused when the slug is malformed or taken, or the name is missing. */
    @Transactional
    public Author create(AuthorForm form) {
        new Problems()
                .require(Slugs.isValid(form.slug()), "slug", "Slug must be lower-case words joined by hyphens")
                .require(form.slug() == null || repository.findBySlug(form.slug()).isEmpty(), "slug",
                        "Another author already uses that slug")
                .requireText(form.name(), "name", "Name", 120)
                .maxLength(form.title(), "title", "Title", 120)
                .maxLength(form.bio(), "bio", "Bio", 1000)
                .throwIfAny();
        repository.insert(form);
        return repository.findBySlug(form.slug()).orElseThrow();
    }
}

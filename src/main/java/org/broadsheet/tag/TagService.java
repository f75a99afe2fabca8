package org.broadsheet.tag;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.broadsheet.web.Problems;
import org.broadsheet.web.Slugs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tags and topics. */
@Service
public class TagService {

    private final TagRepository repository;

    TagService(TagRepository repository) {
        this.repository = repository;
    }

    public Optional<Tag> findBySlug(String slug) {
        return Slugs.isValid(slug) ? repository.findBySlug(slug) : Optional.empty();
    }

    /** The tags with these slugs, in no particular order; unknown slugs are left out. */
    public List<Tag> findBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : repository.findBySlugs(slugs);
    }

    /** Creates a tag; refused when the slug is malformed or taken, the name missing, or the kind unknown. */
    @Transactional
    public Tag create(TagForm form) {
        String kind = form.kind() == null || form.kind().isBlank() ? "topic" : form.kind();
        new Problems()
                .require(Slugs.isValid(form.slug()), "slug", "Slug must be lower-case words joined by hyphens")
                .require(form.slug() == null || repository.findBySlug(form.slug()).isEmpty(), "slug",
                        "Another tag already uses that slug")
                .requireText(form.name(), "name", "Name", 80)
                .require(Tag.KINDS.contains(kind), "kind", "Kind must be one of " + Tag.KINDS)
                .throwIfAny();
        repository.insert(form, kind);
        return repository.findBySlug(form.slug()).orElseThrow();
    }

    /** Every tag, by name (the newsroom's tag suggestions). */
    public List<Tag> all() {
        return repository.findAll();
    }
}

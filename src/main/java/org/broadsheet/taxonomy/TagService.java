package org.broadsheet.taxonomy;

import java.util.List;
import org.broadsheet.web.Problems;
import org.broadsheet.web.SiteSettings;
import org.broadsheet.web.SiteUrls;
import org.broadsheet.web.Slugs;
import org.broadsheet.web.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tags and topics, each of one kind ({@link Tag#KINDS}; "topic" when none is given), at {@code /tag/{slug}}. */
@Service
public class TagService extends TermService<Tag> {

    TagService(TagRepository repository, SiteUrls urls, SiteSettings settings, ApplicationEventPublisher events) {
        super(Taxonomy.TAG, repository, urls::tag, "/tag/", settings, events);
    }

    /**
     * Creates a topic for each name in {@code names} whose slug ({@link Slugs#from}) no tag has
     * yet (an editor typing new tags into an article). Refused as a whole, with a problem on
     * field "tags" per name, when a name cannot be a tag.
     */
    @Transactional
    public void createMissing(@Nullable List<String> names) {
        Problems problems = new Problems();
        for (String name : names == null ? List.<String>of() : names) {
            String slug = Slugs.from(name);
            if (!Slugs.isValid(slug)) {
                problems.require(false, "tags", "\"" + name.strip() + "\" cannot be a tag: it needs letters or digits");
            } else if (findBySlug(slug).isEmpty()) {
                try {
                    create(TermForm.tag(slug, name.strip(), "topic"));
                } catch (ValidationException e) {
                    e.problems()
                            .forEach(p ->
                                    problems.require(false, "tags", "Tag \"" + name.strip() + "\": " + p.message()));
                }
            }
        }
        problems.throwIfAny();
    }

    @Override
    TermForm normalised(TermForm form) {
        String kind = form.kind() == null || form.kind().isBlank() ? "topic" : form.kind();
        return TermForm.tag(form.slug(), form.name(), kind, form.description());
    }

    @Override
    void checkOwn(TermForm form, Problems problems) {
        problems.require(Tag.KINDS.contains(form.kind()), "kind", "Kind must be one of " + String.join(", ", Tag.KINDS))
                .maxLength(form.description(), "description", "Description", TermForm.DESCRIPTION_MAX);
    }

    @Override
    String inUse(Tag tag, long articles) {
        return "“" + tag.name() + "” is on " + articles(articles) + ". Remove it from them before deleting it.";
    }
}

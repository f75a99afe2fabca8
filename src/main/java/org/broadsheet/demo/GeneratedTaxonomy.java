package org.broadsheet.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.broadsheet.taxonomy.Author;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.taxonomy.TermForm;
import org.springframework.stereotype.Component;

/**
 * The sections, authors and topic tags generated articles are filed under: at least
 * {@code broadsheet.generate-sections} sections and {@code generate-authors} authors (counting
 * those there already, the demo edition's for instance), and the topic tags
 * {@code bench-topic-1} to {@code bench-topic-<generate-tags>}. Made through the taxonomy
 * services, once: a later start finds them and makes none.
 */
@Component
record GeneratedTaxonomy(SectionService sections, AuthorService authors, TagService tags, DemoSettings settings) {

    private static final List<String> SECTION_NAMES = List.of(
            "Americas",
            "Asia",
            "Europe",
            "Africa",
            "Middle East",
            "Business",
            "Politics",
            "Science",
            "Health",
            "Climate",
            "Technology",
            "Culture",
            "Sport",
            "Opinion",
            "Travel",
            "Education",
            "Energy",
            "Law",
            "Arts",
            "Food");

    /** What articles are filed under: every section's and author's slug, and the count of topic tags. */
    record Terms(List<String> sectionSlugs, List<String> authorSlugs, int tagCount) {}

    Terms ensure() {
        ensureSections();
        int authorCount = authors.all().size();
        for (int i = 1; authorCount < settings.generateAuthors(); i++) {
            if (authors.findBySlug("reporter-" + i).isEmpty()) {
                authors.create(TermForm.author(
                        "reporter-" + i, "Reporter " + i, "Correspondent", "A generated reporter for benchmarks."));
                authorCount++;
            }
        }
        Set<String> tagSlugs = new HashSet<>();
        tags.all().stream().map(Tag::slug).forEach(tagSlugs::add);
        for (int i = 1; i <= settings.generateTags(); i++) {
            if (!tagSlugs.contains("bench-topic-" + i)) {
                tags.create(TermForm.tag("bench-topic-" + i, "Topic " + i, "topic"));
            }
        }
        return new Terms(
                sections.all().stream().map(Section::slug).toList(),
                authors.all().stream().map(Author::slug).toList(),
                settings.generateTags());
    }

    private void ensureSections() {
        Set<String> slugs = new HashSet<>();
        sections.all().stream().map(Section::slug).forEach(slugs::add);
        for (int i = 0; slugs.size() < settings.generateSections(); i++) {
            String name = i < SECTION_NAMES.size() ? SECTION_NAMES.get(i) : "Desk " + (i + 1);
            String slug = name.toLowerCase().replace(' ', '-');
            if (!SectionService.RESERVED_SLUGS.contains(slug) && slugs.add(slug)) {
                sections.create(TermForm.section(slug, name, name + " news."));
            }
        }
    }
}

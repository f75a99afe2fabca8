package org.broadsheet.listing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.broadsheet.article.Teaser;
import org.jspecify.annotations.Nullable;

/**
 * What the front page shows: the lead story, the next top stories, and a block per section
 * with its newest stories that are not already above.
 */
public record FrontPage(@Nullable Teaser lead, List<Teaser> top, List<SectionBlock> sections) {

    /** A section's block on the front: its name, link and newest stories. */
    public record SectionBlock(String name, String url, List<Teaser> stories) {}

    static FrontPage empty() {
        return new FrontPage(null, List.of(), List.of());
    }

    /** The lead: the newest story with a picture, else the newest. */
    static Teaser lead(List<Teaser> newest) {
        return newest.stream().filter(t -> t.image() != null).findFirst().orElse(newest.get(0));
    }

    /** The ids of the lead and the top stories: what the section blocks leave out. */
    static Set<Long> shown(Teaser lead, List<Teaser> top) {
        Set<Long> shown = new HashSet<>();
        shown.add(lead.id());
        top.forEach(t -> shown.add(t.id()));
        return shown;
    }

    /** Stories grouped into blocks by section, in the order their sections first appear. */
    static List<SectionBlock> blocks(List<Teaser> stories) {
        Map<String, List<Teaser>> bySection = new LinkedHashMap<>();
        for (Teaser story : stories) {
            bySection
                    .computeIfAbsent(story.sectionUrl(), k -> new ArrayList<>())
                    .add(story);
        }
        return bySection.values().stream()
                .map(list ->
                        new SectionBlock(list.get(0).sectionName(), list.get(0).sectionUrl(), List.copyOf(list)))
                .toList();
    }
}

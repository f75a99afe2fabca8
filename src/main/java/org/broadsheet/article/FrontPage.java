package org.broadsheet.article;

import java.util.List;

/**
 * What the front page shows: the lead story, the next top stories, and a block per section
 * with its newest stories that are not already above.
 */
public record FrontPage(Teaser lead, List<Teaser> top, List<SectionBlock> sections) {

    /** A section's block on the front: its name, link and newest stories. */
    public record SectionBlock(String name, String url, List<Teaser> stories) {}
}

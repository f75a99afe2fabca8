package org.broadsheet.listing;

import java.util.List;
import org.broadsheet.article.Teaser;
import org.broadsheet.web.Layout;
import org.broadsheet.web.Pagination;
import org.jspecify.annotations.Nullable;

/** The view of a page listing stories newest first: the archive, a section, a tag, an author. */
public record ListPage(
        Layout layout, Heading heading, List<Teaser> stories, Pagination pagination, boolean showSection) {

    /**
     * What the page says about what it lists.
     *
     * @param kicker   the small label above the heading ("Section", "Topic", "Author"), or null
     * @param subtitle a line under the heading (an author's job title), or null
     * @param intro    a paragraph under the heading (a section's description, an author's bio), or null
     * @param photo    an author's portrait (a site path), or null
     */
    public record Heading(
            @Nullable String kicker,
            String heading,
            @Nullable String subtitle,
            @Nullable String intro,
            @Nullable String photo) {

        static Heading of(@Nullable String kicker, String heading) {
            return new Heading(kicker, heading, null, null, null);
        }
    }
}

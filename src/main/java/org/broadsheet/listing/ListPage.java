package org.broadsheet.listing;

import java.util.List;
import org.broadsheet.article.Teaser;
import org.broadsheet.web.Layout;
import org.broadsheet.web.Pagination;

/**
 * The view of a page listing stories newest first: the archive, a section, a tag, an author.
 *
 * @param kicker   the small label above the heading ("Section", "Topic", "Author"), or null
 * @param subtitle a line under the heading (an author's job title), or null
 * @param intro    a paragraph under the heading (a section's description, an author's bio), or null
 * @param showSection whether each story shows its section (not on a section's own page)
 */
public record ListPage(
        Layout layout,
        String kicker,
        String heading,
        String subtitle,
        String intro,
        String photo,
        List<Teaser> stories,
        Pagination pagination,
        boolean showSection) {}

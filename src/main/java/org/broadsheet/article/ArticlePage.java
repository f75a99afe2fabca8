package org.broadsheet.article;

import gg.jte.Content;
import java.util.List;
import org.broadsheet.web.Layout;

/**
 * The view of the article page.
 *
 * @param slots what other features put below "More from" (see {@link ArticleSlot})
 * @param head  what they add to the page's {@code <head>}, or null
 */
public record ArticlePage(
        Layout layout, ArticleView article, List<Teaser> moreFromSection, List<Content> slots, Content head) {}

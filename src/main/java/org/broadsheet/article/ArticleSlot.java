package org.broadsheet.article;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

/**
 * A part of the article page that another feature owns and renders: the comments now,
 * related stories later. Slots appear after "More from", in {@code @Order} order.
 *
 * <p>{@link #render} runs before the page is written, so it may set headers or cookies on
 * the response, or throw {@link org.broadsheet.web.NotFoundException} for a query
 * parameter it owns that names nothing; the returned content is written into the page. It gets
 * the page's "More from" list as read for the page, so that a slot that must not repeat it
 * does not read it again.
 */
public interface ArticleSlot {

    Content render(
            ArticleView article, List<Teaser> moreFrom, HttpServletRequest request, HttpServletResponse response);

    /** What this slot adds to the page's {@code <head>} for this request (robots hints, say), or null. */
    default Content head(ArticleView article, HttpServletRequest request) {
        return null;
    }
}

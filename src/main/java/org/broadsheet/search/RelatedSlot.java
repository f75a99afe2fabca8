package org.broadsheet.search;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.broadsheet.article.ArticleSlot;
import org.broadsheet.article.ArticleView;
import org.broadsheet.render.RenderedHtml;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The "Related" list on an article page, after "More from" and before the comments. Off
 * with {@code broadsheet.related.enabled=false} (for measuring what it costs, say).
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "broadsheet.related.enabled", havingValue = "true", matchIfMissing = true)
record RelatedSlot(RelatedStories related) implements ArticleSlot {

    @Override
    public Content render(ArticleView article, HttpServletRequest request, HttpServletResponse response) {
        RenderedHtml html = related.rendered(article);
        return html == null ? output -> {} : html.in(request);
    }
}

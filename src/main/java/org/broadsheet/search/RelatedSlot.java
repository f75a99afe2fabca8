package org.broadsheet.search;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticleSlot;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.Teaser;
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
record RelatedSlot(RelatedStories related, TemplateEngine templates) implements ArticleSlot {

    @Override
    public Content render(ArticleView article, HttpServletRequest request, HttpServletResponse response) {
        List<Teaser> stories = related.of(article);
        if (stories.isEmpty()) {
            return output -> {};
        }
        return output -> templates.render("search/related.jte", Map.of("stories", stories), output);
    }
}

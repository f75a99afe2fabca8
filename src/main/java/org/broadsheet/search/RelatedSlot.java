package org.broadsheet.search;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.broadsheet.article.ArticleSlot;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.Teaser;
import org.broadsheet.render.RenderedHtml;
import org.broadsheet.web.PageTags;
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
    public Content render(
            ArticleView article, List<Teaser> moreFrom, HttpServletRequest request, HttpServletResponse response) {
        RelatedStories.Kept list = related.list(article, moreFrom);
        RenderedHtml html = list.html();
        // The list can change with any story that shares a tag (see RelatedStories#forgetAround).
        PageTags.stories(list.stories().stream().map(Teaser::id).toList());
        article.tags().forEach(tag -> PageTags.add(PageTags.list(tag.url())));
        return html == null ? output -> {} : html.in(request);
    }
}

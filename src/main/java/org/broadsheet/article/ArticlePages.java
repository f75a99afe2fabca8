package org.broadsheet.article;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.broadsheet.web.Layouts;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Builds the article page for a public article: the article itself, "More from" and the
 * slots other features fill ({@link ArticleSlot}). Used by the article's own URL and by
 * forms on the page that answer with the page again (a comment with errors).
 */
@Component
public class ArticlePages {

    private final ArticleReader reader;
    private final Layouts layouts;
    private final List<ArticleSlot> slots;
    private final ArticleMetadata metadata;

    ArticlePages(ArticleReader reader, Layouts layouts, List<ArticleSlot> slots, ArticleMetadata metadata) {
        this.reader = reader;
        this.layouts = layouts;
        this.slots = slots;
        this.metadata = metadata;
    }

    public ModelAndView render(ArticleView article, HttpServletRequest request, HttpServletResponse response) {
        var plain = layouts.page(article.headline(), article.standfirst(), article.url(), article.sectionSlug())
                .withFeeds(layouts.commentFeeds(article.headline(), article.url()));
        var layout = plain.withMeta(metadata.of(article, plain));
        List<Content> filled = slots.stream()
                .map(slot -> slot.render(article, request, response))
                .toList();
        List<Content> heads = slots.stream()
                .map(slot -> slot.head(article, request))
                .filter(Objects::nonNull)
                .toList();
        Content head = heads.isEmpty() ? null : output -> heads.forEach(part -> part.writeTo(output));
        return new ModelAndView(
                "article/article",
                Map.of("page", new ArticlePage(layout, article, reader.moreFromSection(article), filled, head)));
    }
}

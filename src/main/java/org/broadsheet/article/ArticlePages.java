package org.broadsheet.article;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.broadsheet.web.Layouts;
import org.broadsheet.web.PageTags;
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
        var plain = layouts.withCommentFeeds(
                layouts.page(article.headline(), article.standfirst(), article.url(), article.sectionSlug()),
                article.headline(),
                article.url());
        var layout = plain.withMeta(metadata.of(article, plain));
        List<Teaser> more = reader.moreFromSection(article);
        List<Content> filled = slots.stream()
                .map(slot -> slot.render(article, more, request, response))
                .toList();
        List<Content> heads = slots.stream()
                .map(slot -> slot.head(article, request))
                .filter(Objects::nonNull)
                .toList();
        Content head = heads.isEmpty() ? null : output -> heads.forEach(part -> part.writeTo(output));
        tag(article, more);
        return new ModelAndView(
                "article/article", Map.of("page", new ArticlePage(layout, article, more, filled, head)));
    }

    /**
     * Tells the page cache what the page shows: the story (and the lists it is on), the stories
     * its body refers to, and "More from", the newest of its section.
     */
    private static void tag(ArticleView article, List<Teaser> more) {
        List<String> lists = new ArrayList<>();
        lists.add(PageTags.list(article.sectionUrl()));
        article.tags().forEach(tag -> lists.add(PageTags.list(tag.url())));
        article.authors().forEach(author -> lists.add(PageTags.list(author.url())));
        PageTags.ownStory(article.id(), lists);
        PageTags.add(PageTags.newestInSection(article.sectionUrl()));
        PageTags.stories(more.stream().map(Teaser::id).toList());
        PageTags.stories(article.body().stream()
                .filter(part -> part.target() != null)
                .map(part -> part.target().id())
                .toList());
    }
}

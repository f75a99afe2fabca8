package org.broadsheet.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import gg.jte.TemplateEngine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.ReaderChange;
import org.broadsheet.article.Teaser;
import org.broadsheet.render.RenderedHtml;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The stories shown as "Related" on an article page: up to {@link #COUNT} public stories
 * chosen by shared tags (weighted by kind and rarity) and text similarity
 * ({@link RelatedRepository}), never the article itself, one already in its "More from" list,
 * or anything unpublished.
 *
 * <p>Each article's list is worked out once and kept, with its HTML (so an article page pays
 * one map lookup for it, and clients that accept gzip get it compressed as kept). A change to a story forgets only the
 * lists it can alter: the story's own, those that show it, and those of stories sharing a tag
 * with it (a new story may now rank among them). A change to tags forgets all.
 */
@Component
public class RelatedStories {

    static final int COUNT = 4;

    /**
     * An article's related stories, rendered as its page shows them (null when there are none),
     * and what a change must touch to forget them.
     */
    record Kept(List<Teaser> stories, @Nullable RenderedHtml html, Set<Long> shown, Set<Long> tags) {}

    private final RelatedRepository repository;
    private final ArticleReader reader;
    private final TemplateEngine templates;
    private final boolean keep;
    private final Cache<Long, Kept> kept =
            Caffeine.newBuilder().maximumSize(20_000).recordStats().build();

    RelatedStories(
            RelatedRepository repository,
            ArticleReader reader,
            TemplateEngine templates,
            SearchSettings settings,
            MeterRegistry registry) {
        this.repository = repository;
        this.reader = reader;
        this.templates = templates;
        this.keep = settings.keepRelated();
        CaffeineCacheMetrics.monitor(registry, kept, "search.related");
    }

    public List<Teaser> of(ArticleView article) {
        return list(article, () -> reader.moreFromSection(article)).stories();
    }

    /**
     * {@code article}'s related stories and their section of the page, rendered once while the
     * list is kept (its html null when there are none); {@code moreFrom} is the page's "More
     * from" list, which the related list never repeats.
     */
    Kept list(ArticleView article, List<Teaser> moreFrom) {
        return list(article, () -> moreFrom);
    }

    /** As {@link #list(ArticleView, List)}, reading "More from" only when the list is worked out. */
    private Kept list(ArticleView article, Supplier<List<Teaser>> moreFrom) {
        return keep ? kept.get(article.id(), id -> load(article, moreFrom.get())) : load(article, moreFrom.get());
    }

    private Kept load(ArticleView article, List<Teaser> moreFrom) {
        Set<Long> exclude = new HashSet<>();
        moreFrom.forEach(t -> exclude.add(t.id()));
        List<Teaser> stories = reader.visibleTeasers(repository.related(article.id(), exclude));
        Set<Long> shown = new HashSet<>();
        stories.forEach(t -> shown.add(t.id()));
        shown.addAll(exclude); // a change to "More from" can free a place
        RenderedHtml html = stories.isEmpty() ? null : RenderedHtml.render(templates, "search/related.jte", stories);
        // The tags only tell a change which kept lists to forget.
        Set<Long> tags = keep ? Set.copyOf(repository.tagIds(article.id())) : Set.of();
        return new Kept(stories, html, shown, tags);
    }

    @EventListener
    void onChange(ReaderChange change) {
        if (change instanceof ReaderChange.Story story) {
            forgetAround(story.articleId());
        } else {
            kept.invalidateAll();
        }
    }

    /** Forgets the lists a change to story {@code id} can alter. */
    void forgetAround(long id) {
        Set<Long> tags = Set.copyOf(repository.tagIds(id));
        List<Long> stale = new ArrayList<>();
        kept.asMap().forEach((articleId, list) -> {
            if (articleId == id || list.shown().contains(id) || !disjoint(list.tags(), tags)) {
                stale.add(articleId);
            }
        });
        kept.invalidateAll(stale);
    }

    private static boolean disjoint(Set<Long> a, Set<Long> b) {
        return a.stream().noneMatch(b::contains);
    }
}

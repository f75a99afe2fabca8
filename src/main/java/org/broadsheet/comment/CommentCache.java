package org.broadsheet.comment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.broadsheet.article.ReaderChange;
import org.broadsheet.render.RenderedHtml;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The approved comments of recently read articles, and their pages as rendered for readers
 * with no held comment of their own, in memory. A change to an article's public comments,
 * ({@link CommentChange}) or to the article ({@link ReaderChange}), forgets that article's entries at once and again
 * when the writing transaction ends; other nodes' changes arrive as the same events through the
 * cross-node event bus, and {@code broadsheet.comments.cache-ttl} bounds
 * what a node that missed one can serve stale.
 */
@Component
class CommentCache {

    /** One page of an article's comments as rendered for readers with no held comment of their own. */
    record ListKey(long articleId, int page, boolean open, int maxDepth, int perPage) {}

    private final boolean enabled;
    private final Cache<Long, List<PublicComment>> approved;
    private final Cache<ListKey, RenderedHtml> rendered;

    CommentCache(CommentSettings settings, MeterRegistry registry) {
        Duration ttl = settings.cacheTtl();
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        this.approved = Caffeine.newBuilder()
                .expireAfterWrite(enabled ? ttl : Duration.ofMillis(1))
                .maximumWeight(200_000)
                .weigher((Long id, List<PublicComment> comments) -> 1 + comments.size())
                .recordStats()
                .build();
        this.rendered = Caffeine.newBuilder()
                .expireAfterWrite(enabled ? ttl : Duration.ofMillis(1))
                .maximumWeight(32L * 1024 * 1024)
                .weigher((ListKey key, RenderedHtml html) -> html.size())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, approved, "comments.approved");
        CaffeineCacheMetrics.monitor(registry, rendered, "comments.rendered");
    }

    /** The rendered page of comments, made by {@code render} when missing; null when {@code render} says there is none. */
    RenderedHtml renderedList(ListKey key, Function<ListKey, RenderedHtml> render) {
        return enabled ? rendered.get(key, render) : render.apply(key);
    }

    List<PublicComment> approved(long articleId, LongFunction<List<PublicComment>> loader) {
        return enabled ? approved.get(articleId, loader::apply) : loader.apply(articleId);
    }

    @EventListener
    void onChange(CommentChange change) {
        if (change instanceof CommentChange.Article article) {
            forget(article.articleId());
        } else {
            approved.invalidateAll();
            rendered.invalidateAll();
        }
    }

    /**
     * Rendered comments carry the article's permalink: a new slug, or a section's, must not wait
     * for the TTL. Names of tags and authors are not in them.
     */
    @EventListener
    void onReaderChange(ReaderChange change) {
        if (change instanceof ReaderChange.Story story) {
            forget(story.articleId());
        } else if (change instanceof ReaderChange.Terms terms) {
            if (terms.permalinks()) {
                rendered.invalidateAll();
            }
        } else {
            approved.invalidateAll();
            rendered.invalidateAll();
        }
    }

    private void forget(long articleId) {
        approved.invalidate(articleId);
        rendered.asMap().keySet().removeIf(key -> key.articleId() == articleId);
    }
}

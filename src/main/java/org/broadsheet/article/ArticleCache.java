package org.broadsheet.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What reader pages read from the database, kept in memory for a short while: article
 * views, "More from" lists, the front page and list pages, and (for the API's lists) public
 * stories without their bodies, by id. Not a page cache: pages are
 * still rendered on every request.
 *
 * <p>Any change readers can see ({@link ReaderChange}: a public article, or sections, tags or
 * authors' names, slugs and order) empties it, at once and again when the writing transaction
 * ends, on every node; {@code broadsheet.articles.cache-ttl}
 * bounds what a node that missed one (its bus connection was down) can serve stale. A TTL of
 * zero turns caching off.
 */
@Component
class ArticleCache {

    private static final long MAX_WEIGHT = 24L * 1024 * 1024; // characters of article bodies, roughly bytes x2

    private final boolean enabled;
    private final Cache<String, ArticleView> views;
    private final Cache<Object, Object> lists;
    /**
     * Views assembled from lists (the front page), apart from the lists: the loader of an entry
     * reads other entries, and Caffeine (a ConcurrentHashMap underneath) refuses a computation
     * that starts another in the same map ("Recursive update", when two keys share a bin).
     */
    private final Cache<Object, Object> assembled;

    private final Cache<Long, ArticleEntry> entries;

    ArticleCache(ArticleSettings settings, MeterRegistry registry) {
        Duration ttl = settings.cacheTtl();
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        this.views = Caffeine.newBuilder()
                .expireAfterWrite(enabled ? ttl : Duration.ofMillis(1))
                .maximumWeight(MAX_WEIGHT)
                .weigher((String slug, ArticleView view) -> 1024
                        + view.body().stream()
                                .mapToInt(part ->
                                        part.isHtml() ? part.html().html().length() : 256)
                                .sum())
                .recordStats()
                .build();
        this.lists = Caffeine.newBuilder()
                .expireAfterWrite(enabled ? ttl : Duration.ofMillis(1))
                .maximumSize(2_000)
                .recordStats()
                .build();
        this.assembled = Caffeine.newBuilder()
                .expireAfterWrite(enabled ? ttl : Duration.ofMillis(1))
                .maximumSize(100)
                .recordStats()
                .build();
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(enabled ? ttl : Duration.ofMillis(1))
                .maximumSize(10_000)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, views, "articles.views");
        CaffeineCacheMetrics.monitor(registry, lists, "articles.lists");
        CaffeineCacheMetrics.monitor(registry, assembled, "articles.assembled");
        CaffeineCacheMetrics.monitor(registry, entries, "articles.entries");
    }

    Optional<ArticleView> view(String slug, Function<String, Optional<ArticleView>> loader) {
        if (!enabled) {
            return loader.apply(slug);
        }
        // One load per slug however many readers ask at once; a miss (null) is not kept,
        // since any string can be asked for.
        return Optional.ofNullable(views.get(slug, key -> loader.apply(key).orElse(null)));
    }

    @SuppressWarnings("unchecked")
    <T> T list(Object key, Supplier<T> loader) {
        return enabled ? (T) lists.get(key, k -> loader.get()) : loader.get();
    }

    /** A view put together from {@link #list lists}; kept apart from them (see {@link #assembled}). */
    @SuppressWarnings("unchecked")
    <T> T assembled(Object key, Supplier<T> assembly) {
        return enabled ? (T) assembled.get(key, k -> assembly.get()) : assembly.get();
    }

    /** Public stories without their bodies, by id: those kept, and the others read with {@code loader} in one go. */
    Map<Long, ArticleEntry> entries(List<Long> ids, Function<Set<Long>, Map<Long, ArticleEntry>> loader) {
        if (!enabled) {
            return loader.apply(Set.copyOf(ids));
        }
        return entries.getAll(ids, missing -> loader.apply(Set.copyOf(missing)));
    }

    void clear() {
        views.invalidateAll();
        lists.invalidateAll();
        assembled.invalidateAll();
        entries.invalidateAll();
    }

    @EventListener
    void onChange(ReaderChange change) {
        clear();
    }
}

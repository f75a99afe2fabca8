package org.broadsheet.pagecache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The kept pages, by key, bounded by bytes (Caffeine), with an index from each name a page
 * depends on ({@code story:12}, {@code list:/americas}, see {@code web.PageTags}) to the pages
 * that depend on it, so a change drops exactly those.
 *
 * <p>A render that was under way while anything was dropped is not kept: every drop moves a
 * generation counter first, and {@link #keep} drops again what it just stored if the counter
 * moved since the render began. The data caches hear the same change as this one, in no set
 * order, so a page rendered just after a drop may still have read an old copy: every drop is
 * therefore made again {@link #SETTLE} later, when they have all heard it. The index is only ever
 * too wide (a name may still point at a page that was replaced without it), which costs a
 * needless drop, never a stale page.
 */
@Component
class PageCache {

    private static final Logger log = LoggerFactory.getLogger(PageCache.class);

    /** When a drop is made again: long after every listener of the change has run. */
    static final Duration SETTLE = Duration.ofMillis(250);

    private final Cache<String, CachedPage> pages;
    private final ConcurrentHashMap<String, Set<String>> index = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    /**
     * Held by each drop from start to end: two drops of one name would otherwise race, the second
     * finding the name already taken out of the index by the first and returning before the first
     * had dropped its pages, so that its writer's next request could still get one.
     */
    private final Object dropping = new Object();

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder drops = new LongAdder();
    private final LongAdder stores = new LongAdder();
    private final Clock clock;
    private final ScheduledExecutorService again = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "page-cache-drops");
        thread.setDaemon(true);
        return thread;
    });

    PageCache(PageCacheSettings settings, Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, settings.maxSize().toBytes()))
                .weigher((String key, CachedPage page) -> page.weight())
                .expireAfter(untilItExpires(clock))
                .evictionListener((String key, CachedPage page, RemovalCause cause) -> {
                    if (key != null && page != null) {
                        unindex(key, page);
                    }
                })
                .build();
        meters(registry);
    }

    /** Read from the counters the cache keeps anyway: nothing more is done per request. */
    private void meters(MeterRegistry registry) {
        String requests = "broadsheet.page.cache.requests";
        FunctionCounter.builder(requests, hits, LongAdder::sum)
                .description("Reader pages asked of the page cache")
                .tag("result", "hit")
                .register(registry);
        FunctionCounter.builder(requests, misses, LongAdder::sum)
                .tag("result", "miss")
                .register(registry);
        FunctionCounter.builder("broadsheet.page.cache.drops", drops, LongAdder::sum)
                .description("Pages dropped because what they show changed")
                .register(registry);
        FunctionCounter.builder("broadsheet.page.cache.stores", stores, LongAdder::sum)
                .register(registry);
        Gauge.builder(
                        "broadsheet.page.cache.pages",
                        this,
                        cache -> cache.stats().pages())
                .register(registry);
        Gauge.builder("broadsheet.page.cache.size", this, cache -> cache.stats().bytes())
                .description("Bytes the kept pages take, every form")
                .baseUnit("bytes")
                .register(registry);
    }

    private static Expiry<String, CachedPage> untilItExpires(Clock clock) {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(String key, CachedPage page, long now) {
                return Math.max(
                        0, Duration.between(clock.instant(), page.expiresAt()).toNanos());
            }

            @Override
            public long expireAfterUpdate(String key, CachedPage page, long now, long currentDuration) {
                return expireAfterCreate(key, page, now);
            }

            @Override
            public long expireAfterRead(String key, CachedPage page, long now, long currentDuration) {
                return currentDuration;
            }
        };
    }

    /** The kept page, or null (counted as a hit or a miss). */
    @Nullable
    CachedPage get(String key) {
        CachedPage page = pages.getIfPresent(key);
        (page == null ? misses : hits).increment();
        return page;
    }

    /** The paths (with queries) of the pages kept now, whatever host they were asked of. */
    Set<String> paths() {
        Set<String> paths = new HashSet<>();
        for (String key : pages.asMap().keySet()) {
            int scheme = key.indexOf("://");
            paths.add(scheme < 0 ? key : key.substring(key.indexOf('/', scheme + 3)));
        }
        return paths;
    }

    /** The generation a render starts in: pass it to {@link #keep}. */
    long generation() {
        return generation.get();
    }

    /** Keeps a page rendered since {@code startedIn}, unless something was dropped meanwhile. */
    void keep(String key, CachedPage page, long startedIn) {
        if (!page.expiresAt().isAfter(clock.instant())) {
            return;
        }
        pages.put(key, page);
        stores.increment();
        // added inside the map's own step, never to a set a drop has just taken out of the index
        page.tags()
                .forEach(tag -> index.compute(tag, (t, keys) -> {
                    Set<String> into = keys != null ? keys : ConcurrentHashMap.newKeySet();
                    into.add(key);
                    return into;
                }));
        if (generation.get() != startedIn) {
            pages.invalidate(key); // it may show what a drop during its render was about
        }
    }

    /**
     * Drops every page that depends on one of {@code tags}. Pages dropped because they show
     * story {@code story} take their lists with them (a story that moved shifts them all).
     */
    void drop(Collection<String> tags, long story) {
        dropNow(tags, story);
        List<String> copy = List.copyOf(tags);
        later(() -> dropNow(copy, story));
    }

    private void dropNow(Collection<String> tags, long story) {
        synchronized (dropping) {
            dropNowAlone(tags, story);
        }
    }

    private void dropNowAlone(Collection<String> tags, long story) {
        generation.incrementAndGet();
        Set<String> keys = new HashSet<>();
        tags.forEach(tag -> removeFromIndex(tag, keys));
        if (story != 0) {
            Set<String> lists = new HashSet<>();
            for (String key : keys) {
                CachedPage page = pages.getIfPresent(key);
                if (page != null && (page.story() == 0 || page.story() == story)) {
                    lists.addAll(page.lists());
                }
            }
            lists.forEach(list -> removeFromIndex(list, keys));
        }
        drops.add(keys.size());
        pages.invalidateAll(keys);
    }

    /** Drops every page. */
    void clear() {
        clearNow();
        later(this::clearNow);
    }

    private void clearNow() {
        synchronized (dropping) {
            generation.incrementAndGet();
            drops.add(pages.estimatedSize());
            pages.invalidateAll();
            index.clear();
        }
    }

    private void later(Runnable drop) {
        try {
            again.schedule(drop, SETTLE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down: nothing more will be answered
        }
    }

    /** Returns once every drop made so far has been made again (for tests). */
    void settle() throws Exception {
        again.schedule(() -> {}, SETTLE.toMillis() + 1, TimeUnit.MILLISECONDS).get();
    }

    @PreDestroy
    void stop() {
        again.shutdownNow();
    }

    private void removeFromIndex(String tag, Set<String> into) {
        Set<String> keys = index.remove(tag);
        if (keys != null) {
            into.addAll(keys);
        }
    }

    private void unindex(String key, CachedPage page) {
        for (String tag : page.tags()) {
            index.computeIfPresent(tag, (t, keys) -> {
                keys.remove(key);
                return keys.isEmpty() ? null : keys;
            });
        }
    }

    /** What the cache holds and how well it does: pages, bytes, hits and misses since start. */
    record Stats(long pages, long bytes, long hits, long misses, long drops, long stores) {
        double hitRatio() {
            long all = hits + misses;
            return all == 0 ? 0 : (double) hits / all;
        }
    }

    Stats stats() {
        long bytes = pages.policy()
                .eviction()
                .flatMap(eviction -> eviction.weightedSize().stream().boxed().findFirst())
                .orElse(0L);
        return new Stats(pages.estimatedSize(), bytes, hits.sum(), misses.sum(), drops.sum(), stores.sum());
    }

    private long loggedRequests;

    @Scheduled(
            fixedDelayString = "${broadsheet.page-cache.stats-every:5m}",
            initialDelayString = "${broadsheet.page-cache.stats-every:5m}")
    void logStats() {
        Stats stats = stats();
        long requests = stats.hits() + stats.misses();
        if (requests == loggedRequests) {
            return;
        }
        loggedRequests = requests;
        log.info(
                "Page cache: {} pages, {} KB; hit ratio {}% ({} hits, {} misses, {} pages dropped since start)",
                stats.pages(),
                stats.bytes() / 1024,
                Math.round(stats.hitRatio() * 1000) / 10.0,
                stats.hits(),
                stats.misses(),
                stats.drops());
    }
}

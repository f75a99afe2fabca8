package org.broadsheet.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Function;
import org.broadsheet.article.ReaderChange;
import org.broadsheet.search.SearchRepository.ParsedQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pages of search results kept in memory for {@code broadsheet.search.cache-ttl}, keyed by the
 * query as PostgreSQL reads it (so "Elections" and "election" share one entry), the filters and
 * the page. Results depend on public stories (their text, tags, section and byline) and on
 * section, tag and author names, so any such change ({@link ReaderChange}), on this node or
 * another, forgets them all; the time to live bounds the drift of the recency bonus and what a
 * node that missed an event serves. It also keeps how texts read as queries, which never changes
 * while the node runs.
 */
@Component
class SearchCache {

    /** One page of one search. */
    record Key(
            String tsquery,
            @Nullable Long sectionId,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            int page) {}

    private final boolean enabled;
    private final Cache<Key, SearchResults> results;
    private final Cache<String, ParsedQuery> parsed;

    SearchCache(SearchSettings settings, MeterRegistry registry) {
        Duration ttl = settings.cacheTtl();
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        this.results = Caffeine.newBuilder()
                .expireAfterWrite(enabled ? ttl : Duration.ofMillis(1))
                .maximumSize(2_000)
                .recordStats()
                .build();
        this.parsed = Caffeine.newBuilder().maximumSize(10_000).build();
        CaffeineCacheMetrics.monitor(registry, results, "search.results");
    }

    SearchResults results(Key key, Function<Key, SearchResults> search) {
        return enabled ? results.get(key, search) : search.apply(key);
    }

    ParsedQuery parsed(String text, Function<String, ParsedQuery> parse) {
        return parsed.get(text, parse);
    }

    @EventListener
    void onChange(ReaderChange change) {
        results.invalidateAll();
    }
}

package org.broadsheet.platform;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One value that pages read often and staff change rarely (the site's name, the comment
 * policy, the navigation), held in memory: loaded on first use, and again once forgotten or
 * older than its time to live. Its owner forgets it when it hears of a change, from this node
 * or (through the event bus) another, and again when the changing transaction ends; the time
 * to live only bounds how stale a node that missed the news can be. Thread-safe; concurrent
 * readers of a forgotten value wait for one load.
 *
 * <p>With a time to live of zero nothing is kept: every {@link #get} loads the value.
 */
public final class KeptValue<T> {

    private static final Object KEY = new Object();

    private final Supplier<T> loader;
    /** Null when nothing is kept. */
    private final @Nullable LoadingCache<Object, T> cache;

    /** @param timeToLive how long a loaded value is kept; zero or less keeps nothing */
    public KeptValue(Duration timeToLive, Supplier<T> loader) {
        this.loader = loader;
        this.cache = timeToLive.isZero() || timeToLive.isNegative()
                ? null
                : Caffeine.newBuilder().expireAfterWrite(timeToLive).build(key -> loader.get());
    }

    public T get() {
        LoadingCache<Object, T> kept = cache;
        return kept == null ? loader.get() : kept.get(KEY);
    }

    public void forget() {
        LoadingCache<Object, T> kept = cache;
        if (kept != null) {
            kept.invalidateAll();
        }
    }
}

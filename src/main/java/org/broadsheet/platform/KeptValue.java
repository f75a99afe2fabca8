package org.broadsheet.platform;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One value that pages read often and staff change rarely (the site's name, the comment
 * policy, the navigation), held in memory: loaded on first use, and again once forgotten or
 * older than its time to live. Its owner forgets it when it hears of a change, from this node
 * or (through the event bus) another, and again when the changing transaction ends; the time
 * to live only bounds how stale a node that missed the news can be. Thread-safe; concurrent
 * readers of a forgotten value wait for one load.
 */
public final class KeptValue<T> {

    private static final Object KEY = new Object();

    private final LoadingCache<Object, T> cache;

    /** @param timeToLive how long a loaded value is kept; zero or less keeps nothing */
    public KeptValue(Duration timeToLive, Supplier<T> loader) {
        Duration ttl = timeToLive.isZero() || timeToLive.isNegative() ? Duration.ofMillis(1) : timeToLive;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).build(key -> loader.get());
    }

    public T get() {
        return cache.get(KEY);
    }

    public void forget() {
        cache.invalidateAll();
    }
}

package org.broadsheet.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Feeds kept in memory, so that a feed request reads no database: what each feed says (read
 * once, for every format) and each format written out ({@link RenderedFeed}), until a change
 * readers could see in it. {@link FeedChanges} says what changed:
 *
 * <ul>
 * <li>{@link #forget(FeedSource)} drops one feed. Caffeine removes a key only after a read of
 * it that is under way has finished, so a feed read just before the change cannot outlive it.</li>
 * <li>{@link #forgetStories()} and {@link #forgetComments()} drop every feed of their kind. A
 * generation number counts them; a feed keeps the number it was read under and is read again
 * once the number has moved on, so a read still under way when the change came is not kept.</li>
 * </ul>
 *
 * <p>The site's name and address are part of each written form's key, not of what was read: a
 * new site name (whose own cache forgets it on every node) gives new written forms at once.
 * {@code broadsheet.feeds.cache-ttl} bounds how long anything is kept. A feed written again
 * with the same bytes keeps its first time as {@code Last-Modified}. Thread-safe.
 */
@Component
class KeptFeeds {

    private static final int MAX_ATTEMPTS = 3;

    /** What a feed said, and the generation of its kind when the reading began. */
    private record Kept(FeedContent content, long generation) {}

    /** One feed written for one context. */
    private record Written(FeedSource source, FeedContext context) {}

    private record Rendered(Kept from, RenderedFeed feed) {}

    private record Stamp(String etag, Instant lastModified) {}

    private final Cache<FeedSource, Kept> contents;
    private final Cache<Written, Rendered> rendered;
    private final Cache<Written, Stamp> stamps;
    private final AtomicLong stories = new AtomicLong();
    private final AtomicLong comments = new AtomicLong();
    private final Clock clock;

    KeptFeeds(FeedSettings settings, Clock clock, MeterRegistry registry) {
        Duration ttl = settings.cacheTtl();
        this.clock = clock;
        this.contents = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumWeight(8L * 1024 * 1024) // characters
                .weigher((FeedSource source, Kept kept) -> kept.content().weight())
                .recordStats()
                .build();
        this.rendered = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumWeight(24L * 1024 * 1024) // bytes, plain and gzipped
                .weigher((Written key, Rendered value) -> value.feed().weight())
                .recordStats()
                .build();
        this.stamps = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofDays(1))
                .maximumSize(10_000)
                .build();
        CaffeineCacheMetrics.monitor(registry, contents, "feeds.contents");
        CaffeineCacheMetrics.monitor(registry, rendered, "feeds.rendered");
    }

    /**
     * The feed of {@code source} written for {@code context}; {@code read} says what it says
     * (from the database) when that is not kept. Empty when {@code read} finds no such feed (an
     * unknown tag); nothing is kept then, since any slug can be asked for.
     */
    Optional<RenderedFeed> get(FeedSource source, FeedContext context, Supplier<Optional<FeedContent>> read) {
        Kept kept = content(source, read);
        if (kept == null) {
            return Optional.empty();
        }
        Written key = new Written(source, context);
        Rendered done = rendered.getIfPresent(key);
        if (done == null || done.from() != kept) {
            done = rendered.asMap()
                    .compute(
                            key,
                            (k, old) -> old != null && old.from() == kept ? old : new Rendered(kept, write(k, kept)));
        }
        return Optional.of(done.feed());
    }

    private @Nullable Kept content(FeedSource source, Supplier<Optional<FeedContent>> read) {
        AtomicLong generation = source.kind().ofComments() ? comments : stories;
        for (int attempt = 1; ; attempt++) {
            Kept kept = contents.get(source, s -> {
                long now = generation.get();
                return read.get().map(content -> new Kept(content, now)).orElse(null);
            });
            if (kept == null || kept.generation() == generation.get() || attempt == MAX_ATTEMPTS) {
                return kept;
            }
            contents.asMap().remove(source, kept);
        }
    }

    private RenderedFeed write(Written key, Kept kept) {
        byte[] bytes = switch (key.context().format()) {
            case RSS -> RssWriter.write(kept.content(), key.context());
            case ATOM -> AtomWriter.write(kept.content(), key.context());
            case JSON -> JsonFeedWriter.write(kept.content(), key.context());
        };
        String etag = RenderedFeed.etagOf(bytes);
        Stamp stamp = stamps.asMap().compute(key, (k, old) -> stamp(old, etag));
        return new RenderedFeed(bytes, RenderedFeed.gzip(bytes), etag, stamp.lastModified());
    }

    /**
     * The time of bytes with {@code etag}: the earlier one when they are the same again, else now,
     * but at least a second after the earlier (HTTP dates are whole seconds), so that a client
     * asking {@code If-Modified-Since} gets a feed that changed within the second it was first sent.
     */
    private Stamp stamp(@Nullable Stamp old, String etag) {
        if (old != null && old.etag().equals(etag)) {
            return old;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new Stamp(
                etag,
                old == null || now.isAfter(old.lastModified())
                        ? now
                        : old.lastModified().plusSeconds(1));
    }

    /** Forgets one feed. */
    void forget(FeedSource source) {
        contents.invalidate(source);
    }

    /** Forgets every feed of stories. */
    void forgetStories() {
        stories.incrementAndGet();
    }

    /** Forgets every feed of comments. */
    void forgetComments() {
        comments.incrementAndGet();
    }

    /** Forgets everything (this node may have missed changes). */
    void forgetAll() {
        stories.incrementAndGet();
        comments.incrementAndGet();
        contents.invalidateAll();
        rendered.invalidateAll();
    }
}

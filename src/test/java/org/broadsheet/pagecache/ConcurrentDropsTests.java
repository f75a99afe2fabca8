package org.broadsheet.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * A drop is whole when it returns, even while another thread drops the same pages: the request
 * its writer makes next never gets a page the change made wrong. (Two drops of one name used to
 * race: the other thread took the name's pages out of the index, this one then found none to
 * drop and returned while the pages were still kept, until the other thread got round to them.
 * The SETTLE re-drop of an earlier change runs on a thread of its own, so this happened.)
 */
class ConcurrentDropsTests {

    private static final String FEED = "http://localhost/feed";
    private static final int ROUNDS = 200_000;

    @Test
    void aPageDroppedOnOneThreadIsGoneWhileAnotherDropsItToo() throws Exception {
        PageCache cache = new PageCache(
                new PageCacheSettings(
                        DataSize.ofMegabytes(8), Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofMinutes(5)),
                Clock.systemUTC(),
                new SimpleMeterRegistry());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread other = new Thread(() -> {
            while (running.get()) {
                cache.drop(List.of("feeds"), 0); // another change's drop, made again after SETTLE
            }
        });
        other.setDaemon(true);
        other.start();
        int stale = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                cache.keep(FEED, page(), cache.generation());
                cache.drop(List.of("feeds"), 0); // this thread's change
                if (cache.get(FEED) != null) {
                    stale++;
                }
            }
        } finally {
            running.set(false);
            other.join();
            cache.stop(); // the re-drops every drop scheduled would otherwise run on through later tests
        }
        assertThat(stale)
                .as("pages still kept after this thread's drop returned")
                .isZero();
    }

    private static CachedPage page() {
        return new CachedPage(
                "application/rss+xml",
                "<rss/>".getBytes(StandardCharsets.UTF_8),
                null,
                null,
                List.of(),
                "\"e\"",
                "\"e-gz\"",
                "\"e-br\"",
                0,
                "Thu, 01 Jan 1970 00:00:00 GMT",
                Set.of("feeds"),
                Set.of(),
                0,
                Instant.now().plusSeconds(600));
    }
}

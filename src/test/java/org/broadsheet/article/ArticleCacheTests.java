package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The reader cache on its own: what an assembled view may do while it is being put together. */
class ArticleCacheTests {

    private final ArticleCache cache = new ArticleCache(
            new ArticleSettings(Duration.ofHours(1), 5, Duration.ofSeconds(30)), new SimpleMeterRegistry());

    /**
     * The front page is assembled from lists that are kept too. Kept in the same map, reading a
     * list while assembling failed ("Recursive update") whenever the two keys fell in one bin of
     * the map, as they did on one CI run; here five hundred lists make that certain.
     */
    @Test
    void anAssemblyMayReadManyKeptListsWhileItIsBeingMade() {
        AtomicInteger loads = new AtomicInteger();

        String front = cache.assembled("front", () -> {
            for (int i = 0; i < 500; i++) {
                int n = i;
                cache.list(List.of("list", n), () -> {
                    loads.incrementAndGet();
                    return n;
                });
            }
            return "assembled";
        });

        assertThat(front).isEqualTo("assembled");
        assertThat(loads).hasValue(500);
        assertThat(cache.assembled("front", () -> "again")).as("kept").isEqualTo("assembled");
        assertThat((Integer) cache.list(List.of("list", 7), () -> -1))
                .as("kept")
                .isEqualTo(7);
    }
}

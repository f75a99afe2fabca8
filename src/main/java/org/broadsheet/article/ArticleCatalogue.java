package org.broadsheet.article;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.broadsheet.taxonomy.Taxonomy;
import org.broadsheet.web.SiteUrls;
import org.springframework.stereotype.Service;

/**
 * Every public article, for machines that list them all (sitemaps): in publication order, oldest
 * first, split into numbered pages of a given size, so that a page keeps its articles while newer
 * ones arrive on later pages.
 *
 * <p>Pages are read in batches of {@value #BATCH} (the first found by its offset, the next ones
 * after the last article read), and each batch is handed over after its query has returned: memory
 * stays bounded by a batch, and no database connection is held while a consumer writes to a slow
 * client. Summaries ({@link #pages}, {@link #newestPerTerm}) are kept by the reader cache and
 * forgotten on any change readers can see.
 */
@Service
public class ArticleCatalogue {

    /** A public article: its permalink (site-relative), headline, publication and last visible change. */
    public record Entry(String url, String headline, Instant publishedAt, Instant lastModified) {}

    public static final int BATCH = 1_000;

    private final CatalogueRepository repository;
    private final ArticleCache cache;
    private final SiteUrls urls;

    ArticleCatalogue(CatalogueRepository repository, ArticleCache cache, SiteUrls urls) {
        this.repository = repository;
        this.cache = cache;
        this.urls = urls;
    }

    /**
     * The pages of {@code pageSize} public articles, in order: for each, the last change readers
     * can see of any article on it (publication, or a later edit, correction or update note). As
     * many entries as there are pages; none when nothing is public.
     */
    public List<Instant> pages(int pageSize) {
        checkSize(pageSize);
        return cache.list(List.of("catalogue-pages", pageSize), () -> repository.findPageChanges(pageSize));
    }

    /** Whether page {@code page} (from 1) of {@code pageSize} public articles has any: one short index walk. */
    public boolean hasPage(int page, int pageSize) {
        checkSize(pageSize);
        return page >= 1 && repository.existsAt((long) (page - 1) * pageSize);
    }

    /**
     * Hands {@code each} the public articles of page {@code page} (from 1) of {@code pageSize},
     * oldest first. A page past the last hands over nothing.
     */
    public void forEachOnPage(int page, int pageSize, Consumer<Entry> each) {
        checkSize(pageSize);
        if (page < 1) {
            throw new IllegalArgumentException("Pages count from 1, not " + page);
        }
        int left = pageSize;
        List<CatalogueRepository.Row> batch = repository.findFrom((long) (page - 1) * pageSize, Math.min(BATCH, left));
        while (!batch.isEmpty()) {
            batch.forEach(row -> each.accept(entry(row)));
            left -= batch.size();
            if (left == 0 || batch.size() < BATCH) {
                return;
            }
            batch = repository.findAfter(batch.get(batch.size() - 1), Math.min(BATCH, left));
        }
    }

    /**
     * Up to {@code limit} public articles published after {@code since}, newest first; {@code limit}
     * is at most {@value #BATCH}, since they are read at once.
     */
    public List<Entry> publishedAfter(Instant since, int limit) {
        if (limit > BATCH) {
            throw new IllegalArgumentException("At most " + BATCH + " recent articles at once, not " + limit);
        }
        return repository.findPublishedAfter(since, limit).stream()
                .map(this::entry)
                .toList();
    }

    /**
     * For each term of {@code taxonomy} (by id) that has public articles, when the newest of them
     * was published; terms without any are absent.
     */
    public Map<Long, Instant> newestPerTerm(Taxonomy taxonomy) {
        return cache.list(
                List.of("catalogue-newest", taxonomy), () -> Map.copyOf(repository.findNewestPerTerm(taxonomy)));
    }

    private Entry entry(CatalogueRepository.Row row) {
        return new Entry(
                urls.article(row.sectionSlug(), row.publishedAt(), row.slug()),
                row.headline(),
                row.publishedAt(),
                row.modified());
    }

    private static void checkSize(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("A page holds at least one article, not " + pageSize);
        }
    }
}

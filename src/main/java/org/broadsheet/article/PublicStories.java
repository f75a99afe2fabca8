package org.broadsheet.article;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Public stories for machines (the JSON API): pages of a filtered newest-first list, walked by
 * a {@link StoryKey} rather than a page number, so that the 500th page costs what the first
 * does; and one story in full by id or slug. Only published stories whose time has come.
 *
 * <p>First pages are kept by the reader cache (forgotten on any change readers can see, on
 * every node); deeper pages walk the index afresh (one index-only scan from the cursor) and take
 * the stories, without their bodies, from the same cache by id, reading only those it lacks.
 * Thread-safe.
 */
@Service
public class PublicStories {

    /** The most stories a page may hold. */
    public static final int MAX_PAGE = 100;

    private final StoryListRepository list;
    private final ArticleReader reader;
    private final ArticleCache cache;

    PublicStories(StoryListRepository list, ArticleReader reader, ArticleCache cache) {
        this.list = list;
        this.reader = reader;
        this.cache = cache;
    }

    /**
     * Up to {@code size} stories matching {@code filter} after {@code after} (null: the newest).
     *
     * @throws IllegalArgumentException when {@code size} is not between 1 and {@link #MAX_PAGE}
     */
    public StoryPage page(StoryFilter filter, StoryKey after, int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw new IllegalArgumentException("A page holds 1 to " + MAX_PAGE + " stories, not " + size);
        }
        if (after == null) {
            return cache.list(List.of("story-page", filter, size), () -> read(filter, null, size));
        }
        return read(filter, after, size);
    }

    private StoryPage read(StoryFilter filter, StoryKey after, int size) {
        List<StoryKey> keys = list.find(filter, after, size + 1);
        boolean more = keys.size() > size;
        List<StoryKey> shown = more ? keys.subList(0, size) : keys;
        List<Long> ids = shown.stream().map(StoryKey::id).toList();
        Map<Long, ArticleEntry> found = cache.entries(ids, reader::inBrief);
        List<ArticleEntry> entries =
                ids.stream().map(found::get).filter(Objects::nonNull).toList();
        return new StoryPage(entries, more ? shown.get(size - 1) : null);
    }

    /** The public story with this id in full; empty for anything else. */
    public Optional<ArticleEntry> byId(long id) {
        List<ArticleEntry> found = reader.inFull(List.of(id));
        return found.stream().findFirst();
    }
}

package org.broadsheet.article;

/**
 * What readers can see of published stories changed. {@link ReaderChanges} announces one for
 * each story published, changed or taken down, each section, tag or author changed, and each
 * time the cross-node event bus came back (changes may have been missed while it was down).
 * Whatever is kept from published stories (data caches, search results, related lists, kept
 * feeds, sitemap validators) listens to this one event rather than to each of those.
 *
 * <p>On the writing node it is announced at once (so the writer's own next read is fresh) and
 * again when the writing transaction ends (so nothing read inside a transaction that rolled
 * back, or read before the commit, survives); on the other nodes when the bus brings the change.
 * It is not itself sent between nodes.
 */
public sealed interface ReaderChange {

    /** Whether anything kept from any story may now be wrong, not only what one story touches. */
    boolean everything();

    /** One story was published, changed or taken down. */
    record Story(long articleId) implements ReaderChange {
        @Override
        public boolean everything() {
            return false;
        }
    }

    /**
     * Sections, tags or authors changed: names, slugs or the navigation order, seen on many
     * pages at once.
     *
     * @param permalinks whether story addresses may have changed (a section's slug is in every
     *     permalink of its stories)
     */
    record Terms(boolean permalinks) implements ReaderChange {
        @Override
        public boolean everything() {
            return true;
        }
    }

    /**
     * Many stories came in at once (an import), or became searchable after one (the search
     * catch-up announces it on its node): anything kept from any story may be wrong.
     */
    record Stories() implements ReaderChange {
        @Override
        public boolean everything() {
            return true;
        }
    }

    /** The event bus came back after a break: changes made on other nodes meanwhile were not heard. */
    record Missed() implements ReaderChange {
        @Override
        public boolean everything() {
            return true;
        }
    }
}

package org.broadsheet.article;

import org.broadsheet.platform.ClusterEvent;

/**
 * What happens to articles, for caches, search, feeds and sitemaps to react to. Each is a
 * {@link ClusterEvent}: every node hears it once the change is committed.
 */
public final class ArticleEvents {

    private ArticleEvents() {}

    /** An article became public (or its publication time was set and has come). */
    public record ArticlePublished(long articleId) implements ClusterEvent {}

    /** A public article's content, slug or section changed. */
    public record ArticleChanged(long articleId) implements ClusterEvent {}

    /** An article was scheduled: it is to become public at {@code at}. */
    public record ArticleScheduled(long articleId, java.time.Instant at) implements ClusterEvent {}

    /**
     * Many articles came in at once ({@link ArticleImports}): whatever is kept from any story
     * may be wrong. One for a whole batch, instead of one event per article.
     */
    public record ArticlesImported() implements ClusterEvent {}

    /** A public article was taken down. */
    public record ArticleUnpublished(long articleId) implements ClusterEvent {}
}

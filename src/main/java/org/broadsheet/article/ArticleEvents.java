package org.broadsheet.article;

/** What happens to articles, for caches, search, feeds and sitemaps to react to. */
public final class ArticleEvents {

    private ArticleEvents() {
    }

    /** An article became public (or its publication time was set and has come). */
    public record ArticlePublished(long articleId) {
    }

    /** A public article's content, slug or section changed. */
    public record ArticleChanged(long articleId) {
    }

    /** An article was scheduled: it is to become public at {@code at}. */
    public record ArticleScheduled(long articleId, java.time.Instant at) {
    }

    /** A public article was taken down. */
    public record ArticleUnpublished(long articleId) {
    }
}

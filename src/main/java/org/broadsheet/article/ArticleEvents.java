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

    /** A public article was taken down. */
    public record ArticleUnpublished(long articleId) {
    }
}

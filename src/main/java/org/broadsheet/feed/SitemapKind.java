package org.broadsheet.feed;

import org.broadsheet.taxonomy.Taxonomy;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of page the paged sitemaps list, each in numbered sitemaps of its own
 * ({@code /sitemaps/articles-1.xml}): articles, and the list pages of sections, tags and authors.
 */
enum SitemapKind {
    ARTICLES("articles", null),
    SECTIONS(Taxonomy.SECTION),
    TAGS(Taxonomy.TAG),
    AUTHORS(Taxonomy.AUTHOR);

    private final String path;
    private final @Nullable Taxonomy taxonomy;

    SitemapKind(String path, @Nullable Taxonomy taxonomy) {
        this.path = path;
        this.taxonomy = taxonomy;
    }

    SitemapKind(Taxonomy taxonomy) {
        this(taxonomy.plural(), taxonomy);
    }

    /** Its name in sitemap addresses: {@code articles}, {@code sections}, {@code tags}, {@code authors}. */
    String path() {
        return path;
    }

    /** The taxonomy whose list pages it lists; null for articles. */
    @Nullable
    Taxonomy taxonomy() {
        return taxonomy;
    }
}

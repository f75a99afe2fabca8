package org.broadsheet.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.broadsheet.article.ArticleCatalogue;
import org.broadsheet.taxonomy.Taxonomies;
import org.broadsheet.taxonomy.Taxonomy;
import org.broadsheet.taxonomy.Term;
import org.broadsheet.taxonomy.TermService;
import org.broadsheet.web.SiteSettings;
import org.broadsheet.web.SiteUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the sitemaps list. Articles (published ones only, whose time has come) and the list pages
 * of sections, tags and authors that hold public stories go in numbered sitemaps of at most
 * {@code pageSize} URLs each, articles oldest first (so a sitemap keeps its URLs as new stories
 * arrive on the last one), terms in their taxonomy's order. The index lists every sitemap with
 * its last change; the news sitemap lists the stories of the last {@link #NEWS_WINDOW}, newest
 * first, at most {@link #NEWS_MAX}. Every URL is absolute ({@link SiteUrls#absolute}).
 *
 * <p>The page size is a parameter (the controller passes {@code broadsheet.sitemaps.page-size}),
 * so that paging can be seen with a handful of stories.
 */
@Component
record Sitemaps(ArticleCatalogue articles, Taxonomies taxonomies, SiteUrls urls, SiteSettings site, Clock clock) {

    /** The most URLs the sitemap protocol allows in one sitemap (and sitemaps in one index). */
    static final int MAX_URLS = 50_000;

    /** How far back the news sitemap reaches: Google News takes stories of the last two days. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);

    /** The most URLs Google accepts in a news sitemap. */
    static final int NEWS_MAX = 1_000;

    /** A URL a sitemap lists, site-relative, with its last change when known. */
    record Listed(String path, @Nullable Instant lastModified) {}

    /** How many sitemaps of {@code pageSize} URLs it takes to list {@code count}: none for none. */
    static int pages(long count, int pageSize) {
        return Math.toIntExact((count + pageSize - 1) / pageSize);
    }

    /** Every sitemap, for the index: articles, sections, tags and authors page by page, then the news. */
    List<Listed> index(int pageSize) {
        List<Listed> sitemaps = new ArrayList<>();
        List<Instant> articlePages = articles.pages(pageSize);
        for (int page = 1; page <= articlePages.size(); page++) {
            sitemaps.add(new Listed(urls.sitemap(SitemapKind.ARTICLES.path(), page), articlePages.get(page - 1)));
        }
        for (SitemapKind kind : SitemapKind.values()) {
            if (kind.taxonomy() != null) {
                List<Listed> terms = terms(kind.taxonomy());
                for (int page = 1; page <= pages(terms.size(), pageSize); page++) {
                    sitemaps.add(new Listed(urls.sitemap(kind.path(), page), newest(onPage(terms, page, pageSize))));
                }
            }
        }
        sitemaps.add(new Listed(urls.newsSitemap(), newsLastModified()));
        return sitemaps;
    }

    /** Whether there is a sitemap {@code page} of {@code pageSize} articles. */
    boolean hasArticlePage(int page, int pageSize) {
        return articles.hasPage(page, pageSize);
    }

    /** Writes page {@code page} of the articles, read in batches as they are written. */
    void writeArticles(int page, int pageSize, SitemapXml xml) {
        articles.forEachOnPage(
                page, pageSize, article -> xml.url(urls.absolute(article.url()), article.lastModified()));
    }

    /**
     * The list pages on page {@code page} of the sitemaps of {@code taxonomy}'s terms; none past
     * the last page (and none at all when no term holds a public story).
     */
    List<Listed> terms(Taxonomy taxonomy, int page, int pageSize) {
        return onPage(terms(taxonomy), page, pageSize);
    }

    /** The stories the news sitemap lists now: published in the last {@link #NEWS_WINDOW}, newest first. */
    List<ArticleCatalogue.Entry> news() {
        return articles.publishedAfter(clock.instant().minus(NEWS_WINDOW), NEWS_MAX);
    }

    /** Writes {@code stories} as a news sitemap of the publication called {@code publication}. */
    void writeNews(List<ArticleCatalogue.Entry> stories, String publication, SitemapXml xml) {
        String language = SitemapXml.newsLanguage(site.language());
        for (ArticleCatalogue.Entry story : stories) {
            xml.newsUrl(urls.absolute(story.url()), publication, language, story.publishedAt(), story.headline());
        }
    }

    /**
     * The list pages of the terms of {@code taxonomy} that hold public stories, in the taxonomy's
     * order, each last changed when its newest story was published.
     */
    private List<Listed> terms(Taxonomy taxonomy) {
        TermService<?> service = taxonomies.of(taxonomy);
        Map<Long, Instant> newest = articles.newestPerTerm(taxonomy);
        List<Listed> listed = new ArrayList<>(newest.size());
        for (Term term : service.all()) {
            Instant at = newest.get(term.id());
            if (at != null) {
                listed.add(new Listed(service.readerUrl(term.slug()), at));
            }
        }
        return listed;
    }

    /** The news sitemap last changed with the newest publication, when that is still in it. */
    private @Nullable Instant newsLastModified() {
        // every story has a section, so the sections' newest is the site's newest
        Instant newest = articles.newestPerTerm(Taxonomy.SECTION).values().stream()
                .max(Comparator.naturalOrder())
                .orElse(null);
        return newest != null && newest.isAfter(clock.instant().minus(NEWS_WINDOW)) ? newest : null;
    }

    private static List<Listed> onPage(List<Listed> all, int page, int pageSize) {
        int from = (int) Math.min(all.size(), (long) Math.max(0, page - 1) * pageSize);
        return all.subList(from, Math.min(all.size(), from + pageSize));
    }

    private static @Nullable Instant newest(List<Listed> listed) {
        return listed.stream()
                .map(Listed::lastModified)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }
}

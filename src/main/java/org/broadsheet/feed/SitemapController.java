package org.broadsheet.feed;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.broadsheet.article.ArticleCatalogue;
import org.broadsheet.taxonomy.Taxonomy;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.PageTags;
import org.broadsheet.web.SiteIdentitySource;
import org.broadsheet.web.SiteUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The sitemap index ({@code /sitemap.xml}), the paged sitemaps it lists
 * ({@code /sitemaps/{kind}-{n}.xml}) and the news sitemap ({@code /sitemaps/news.xml}), written
 * straight to the response. A name that is not a sitemap's, or a page past the last, answers 404.
 * Each answer carries a weak ETag ({@link SitemapVersion}) and answers a matching
 * {@code If-None-Match} with 304; shared caches may keep sitemaps five minutes, the news sitemap
 * one.
 */
@Controller
record SitemapController(
        Sitemaps sitemaps,
        SitemapSettings settings,
        SitemapVersion version,
        SiteUrls urls,
        SiteIdentitySource identities) {

    static final String CONTENT_TYPE = "application/xml;charset=UTF-8";
    static final String CACHE_CONTROL = "public, max-age=300";
    static final String NEWS_CACHE_CONTROL = "public, max-age=60";

    @GetMapping("/sitemap.xml")
    void index(ServletWebRequest request, HttpServletResponse response) throws IOException {
        List<Sitemaps.Listed> index = sitemaps.index(settings.pageSize());
        if (notModified(request, response, CACHE_CONTROL, version.ofContent(urls.origin(), index))) {
            return;
        }
        try (SitemapXml xml = SitemapXml.index(response.getOutputStream())) {
            index.forEach(sitemap -> xml.sitemap(urls.absolute(sitemap.path()), sitemap.lastModified()));
        }
    }

    @GetMapping("/sitemaps/{name}")
    void sitemap(@PathVariable String name, ServletWebRequest request, HttpServletResponse response)
            throws IOException {
        SitemapName sitemap = SitemapName.parse(name).orElseThrow(() -> notFound(name));
        Taxonomy taxonomy = sitemap.kind().taxonomy();
        if (taxonomy == null) {
            articles(sitemap.page(), request, response);
            return;
        }
        List<Sitemaps.Listed> pages = sitemaps.terms(taxonomy, sitemap.page(), settings.pageSize());
        if (pages.isEmpty()) {
            throw notFound(name);
        }
        if (notModified(request, response, CACHE_CONTROL, version.ofContent(urls.origin(), pages))) {
            return;
        }
        try (SitemapXml xml = SitemapXml.urls(response.getOutputStream())) {
            pages.forEach(page -> xml.url(urls.absolute(page.path()), page.lastModified()));
        }
    }

    /** Articles are read as they are written: their tag counts changes, read before the articles. */
    private void articles(int page, ServletWebRequest request, HttpServletResponse response) throws IOException {
        int pageSize = settings.pageSize();
        if (!sitemaps.hasArticlePage(page, pageSize)) {
            throw notFound("articles-" + page);
        }
        String etag = version.ofChanges(version.changes(), urls.origin(), pageSize, page);
        if (notModified(request, response, CACHE_CONTROL, etag)) {
            return;
        }
        try (SitemapXml xml = SitemapXml.urls(response.getOutputStream())) {
            sitemaps.writeArticles(page, pageSize, xml);
        }
    }

    @GetMapping("/sitemaps/news.xml")
    void news(ServletWebRequest request, HttpServletResponse response) throws IOException {
        List<ArticleCatalogue.Entry> stories = sitemaps.news();
        String publication = identities.current().name();
        String etag = version.ofContent(urls.origin(), publication, stories);
        if (notModified(request, response, NEWS_CACHE_CONTROL, etag)) {
            return;
        }
        try (SitemapXml xml = SitemapXml.news(response.getOutputStream())) {
            sitemaps.writeNews(stories, publication, xml);
        }
    }

    /** Sets the headers every sitemap answer carries; true when the client's copy is current (304 set). */
    private static boolean notModified(
            ServletWebRequest request, HttpServletResponse response, String cacheControl, String etag) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        PageTags.add(PageTags.SITEMAPS);
        if (request.checkNotModified(etag)) {
            return true;
        }
        response.setContentType(CONTENT_TYPE);
        return false;
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("No sitemap " + name);
    }
}

package org.broadsheet.feed;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.broadsheet.article.ArticleCatalogue;
import org.broadsheet.web.NotFoundException;
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
 * straight to the response as they are read. A name that is not a sitemap's, or a page past the
 * last, answers 404. Each answer carries a weak ETag ({@link SitemapVersion}) and answers a
 * matching {@code If-None-Match} with 304; shared caches may keep sitemaps five minutes, the news
 * sitemap one.
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
        if (notModified(request, response, CACHE_CONTROL, version.changes(), "index")) {
            return;
        }
        try (SitemapXml xml = SitemapXml.index(response.getOutputStream())) {
            sitemaps.index(settings.pageSize())
                    .forEach(sitemap -> xml.sitemap(urls.absolute(sitemap.path()), sitemap.lastModified()));
        }
    }

    @GetMapping("/sitemaps/{name}")
    void sitemap(@PathVariable String name, ServletWebRequest request, HttpServletResponse response)
            throws IOException {
        SitemapName sitemap = SitemapName.parse(name)
                .filter(n -> sitemaps.exists(n, settings.pageSize()))
                .orElseThrow(() -> new NotFoundException("No sitemap " + name));
        if (notModified(request, response, CACHE_CONTROL, version.changes(), name)) {
            return;
        }
        try (SitemapXml xml = SitemapXml.urls(response.getOutputStream())) {
            sitemaps.write(sitemap, settings.pageSize(), xml);
        }
    }

    @GetMapping("/sitemaps/news.xml")
    void news(ServletWebRequest request, HttpServletResponse response) throws IOException {
        long changes = version.changes();
        List<ArticleCatalogue.Entry> stories = sitemaps.news();
        // the list also changes when its oldest story grows too old, which no event announces
        String oldest = stories.isEmpty()
                ? ""
                : stories.get(stories.size() - 1).publishedAt().toString();
        String name = identities.current().name();
        if (notModified(request, response, NEWS_CACHE_CONTROL, changes, "news", name, oldest)) {
            return;
        }
        try (SitemapXml xml = SitemapXml.news(response.getOutputStream())) {
            sitemaps.writeNews(stories, xml);
        }
    }

    /**
     * Sets the headers every sitemap answer carries; true when the client's copy is current (304
     * set). {@code changes} was read before the sitemap's data, so that a change made meanwhile
     * gives the next answer another tag.
     */
    private boolean notModified(
            ServletWebRequest request,
            HttpServletResponse response,
            String cacheControl,
            long changes,
            Object... dependsOn) {
        List<Object> all = new ArrayList<>(List.of(urls.origin(), settings.pageSize()));
        all.addAll(Arrays.asList(dependsOn));
        String etag = version.etag(changes, all);
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (request.checkNotModified(etag)) {
            return true;
        }
        response.setContentType(CONTENT_TYPE);
        return false;
    }
}

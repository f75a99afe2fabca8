package org.broadsheet.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one owner of URL shapes. Templates and feeds ask it; nobody concatenates paths elsewhere.
 *
 * <ul>
 * <li>article: {@code /{section}/{yyyy}/{mm}/{dd}/{slug}}, the date being the publication day
 *     in the site's zone;</li>
 * <li>section: {@code /{section}}, then {@code /{section}/page/{n}};</li>
 * <li>tag: {@code /tag/{slug}}; author: {@code /author/{slug}}; archive: {@code /page/{n}};</li>
 * <li>comments: {@code {article}?comment-page={n}#comment-{id}}, posted to {@code /comments}.</li>
 * <li>feeds: {@code /feed} (RSS 2.0), {@code /feed/atom} and {@code /feed.json} for the site;
 *     {@code {list}/feed} and {@code {list}/feed/atom} for a section, tag or author;
 *     {@code /comments/feed} and {@code {article}/feed} for comments;</li>
 * <li>search: {@code /search?q=…&section=…&from=yyyy-mm-dd&to=…&page=n}; sitemaps: the index {@code /sitemap.xml}, the sitemaps it lists
 *     {@code /sitemaps/{kind}-{n}.xml} (articles, sections, tags, authors) and the news sitemap
 *     {@code /sitemaps/news.xml}; {@code /robots.txt}.</li>
 * </ul>
 *
 * <p>Paths are relative to the site; {@link #absolute} puts one on the site's public address.
 */
@Component
public class SiteUrls {

    private final ZoneId zone;
    private final @Nullable String origin;
    private final Assets assets;

    public SiteUrls(SiteSettings settings, Assets assets) {
        this.assets = assets;
        this.zone = settings.timeZone();
        this.origin = settings.url() == null
                ? null
                : withoutTrailingSlash(settings.url().toString());
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * {@code path} on the site's public address ({@code broadsheet.site.url}), or, when that is
     * not set, on the scheme, host and port of the request being answered.
     */
    public String absolute(String path) {
        return path.startsWith("https://") || path.startsWith("http://") ? path : origin() + path;
    }

    /** The site's public address without a trailing slash: {@code https://news.example}. */
    public String origin() {
        if (origin != null) {
            return origin;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String scheme = request.getScheme();
            int port = request.getServerPort();
            boolean usual = port <= 0 || port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
            return scheme + "://" + request.getServerName() + (usual ? "" : ":" + port);
        }
        return "http://localhost";
    }

    public String home() {
        return "/";
    }

    public String article(String sectionSlug, Instant publishedAt, String slug) {
        LocalDate day = LocalDate.ofInstant(publishedAt, zone);
        StringBuilder url = new StringBuilder(sectionSlug.length() + slug.length() + 14);
        url.append('/').append(sectionSlug).append('/').append(day.getYear()).append('/');
        twoDigits(url, day.getMonthValue()).append('/');
        return twoDigits(url, day.getDayOfMonth()).append('/').append(slug).toString();
    }

    private static StringBuilder twoDigits(StringBuilder url, int value) {
        return url.append(value < 10 ? "0" : "").append(value);
    }

    public String section(String slug) {
        return "/" + slug;
    }

    public String section(String slug, int page) {
        return page <= 1 ? section(slug) : "/" + slug + "/page/" + page;
    }

    public String tag(String slug) {
        return "/tag/" + slug;
    }

    public String tag(String slug, int page) {
        return page <= 1 ? tag(slug) : tag(slug) + "/page/" + page;
    }

    public String author(String slug) {
        return "/author/" + slug;
    }

    public String author(String slug, int page) {
        return page <= 1 ? author(slug) : author(slug) + "/page/" + page;
    }

    public String archive(int page) {
        return "/page/" + page;
    }

    /** Page {@code page} of an article's comments: the article itself for the first page. */
    public String comments(String articleUrl, int page) {
        return page <= 1 ? articleUrl : articleUrl + "?comment-page=" + page;
    }

    /** One comment on its page of the article. */
    public String comment(String articleUrl, int page, long commentId) {
        return comments(articleUrl, page) + "#comment-" + commentId;
    }

    /** The article with the comment form set to reply to a comment (works without JavaScript). */
    public String replyTo(String articleUrl, int page, long commentId) {
        return comments(articleUrl, page) + (page <= 1 ? "?" : "&") + "replytocom=" + commentId + "#respond";
    }

    /** Where the comment form posts. */
    public String commentPost() {
        return "/comments";
    }

    /** The comment form's script, at its fingerprinted address. */
    public String commentScript() {
        return assets.url("comments.js");
    }

    /** The site's feed of stories in {@code format}. */
    public String feed(FeedFormat format) {
        return "/" + format.path();
    }

    /**
     * The feed of a list of stories (a section, tag or author page, its first page's URL) in
     * {@code format}; {@link FeedFormat#JSON} is offered for the whole site only.
     */
    public String feed(String listUrl, FeedFormat format) {
        return listUrl.equals(home()) ? feed(format) : listUrl + "/" + format.path();
    }

    /** The feed of the site's newest approved comments. */
    public String commentsFeed(FeedFormat format) {
        return "/comments/" + format.path();
    }

    /** The feed of one article's approved comments. */
    public String commentsFeed(String articleUrl, FeedFormat format) {
        return articleUrl + "/" + format.path();
    }

    public String search() {
        return "/search";
    }

    /**
     * Page {@code page} of the results of a search for {@code q} with its filters (a section's
     * slug, {@code yyyy-mm-dd} days); blank filters and page 1 are left out of the address.
     */
    public String search(String q, String section, String from, String to, int page) {
        StringBuilder url = new StringBuilder(search()).append("?q=").append(queryValue(q));
        appendParameter(url, "section", section);
        appendParameter(url, "from", from);
        appendParameter(url, "to", to);
        return page <= 1 ? url.toString() : url.append("&page=").append(page).toString();
    }

    private static void appendParameter(StringBuilder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.append('&').append(name).append('=').append(queryValue(value));
        }
    }

    private static String queryValue(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String sitemapIndex() {
        return "/sitemap.xml";
    }

    /** Page {@code page} (from 1) of the sitemap of one kind of page ({@code articles}, {@code tags}…). */
    public String sitemap(String kind, int page) {
        return "/sitemaps/" + kind + "-" + page + ".xml";
    }

    /** The Google News sitemap: the stories of the last two days. */
    public String newsSitemap() {
        return "/sitemaps/news.xml";
    }

    public String robots() {
        return "/robots.txt";
    }
}

package org.broadsheet.feed;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleView;
import org.broadsheet.web.ContentNegotiation;
import org.broadsheet.web.FeedFormat;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.PageTags;
import org.broadsheet.web.SiteIdentitySource;
import org.broadsheet.web.SiteSettings;
import org.broadsheet.web.SiteUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The feeds, at the addresses {@link SiteUrls#feed} and {@link SiteUrls#commentsFeed} make:
 * RSS 2.0 ({@code …/feed}), Atom 1.0 ({@code …/feed/atom}) and, for the whole site, JSON Feed
 * 1.1 ({@code /feed.json}) of the newest stories of the site, a section, a tag or an author; RSS
 * and Atom of the newest approved comments of the site ({@code /comments/feed}) or of an
 * article ({@code {article}/feed}).
 *
 * <p>Each is served from memory ({@link KeptFeeds}) with a strong {@code ETag} and a
 * {@code Last-Modified}, answering conditional requests with 304, and gzipped for clients that
 * accept it. An unknown section, tag or author is a 404 (the feed of a renamed one answers 301,
 * see {@link FeedAddresses}); an article's comment feed under an old address of the article
 * answers 301 to its current one.
 */
@Controller
record FeedController(
        KeptFeeds kept,
        StoryFeeds stories,
        CommentFeeds comments,
        ArticleReader reader,
        SiteUrls urls,
        SiteIdentitySource identity,
        SiteSettings settings) {

    private static final String SLUG = "{slug:[a-z0-9-]{1,120}}";
    /** A section's slug: never the first segment of the archive's, a tag's or an author's pages. */
    private static final String SECTION = "/{section:(?!(?:page|tag|author)$)[a-z0-9-]{1,120}}";

    private static final String ARTICLE = SECTION + "/{year:\\d{4}}/{month:\\d{2}}/{day:\\d{2}}/{slug}";

    @GetMapping({"/feed", "/feed/atom"})
    ResponseEntity<byte[]> site(HttpServletRequest request) {
        return stories(FeedSource.SITE, format(request), request);
    }

    @GetMapping("/feed.json")
    ResponseEntity<byte[]> siteJson(HttpServletRequest request) {
        return stories(FeedSource.SITE, FeedFormat.JSON, request);
    }

    @GetMapping({SECTION + "/feed", SECTION + "/feed/atom"})
    ResponseEntity<byte[]> section(@PathVariable String section, HttpServletRequest request) {
        return stories(new FeedSource(FeedSource.Kind.SECTION, section), format(request), request);
    }

    @GetMapping({"/tag/" + SLUG + "/feed", "/tag/" + SLUG + "/feed/atom"})
    ResponseEntity<byte[]> tag(@PathVariable String slug, HttpServletRequest request) {
        return stories(new FeedSource(FeedSource.Kind.TAG, slug), format(request), request);
    }

    @GetMapping({"/author/" + SLUG + "/feed", "/author/" + SLUG + "/feed/atom"})
    ResponseEntity<byte[]> author(@PathVariable String slug, HttpServletRequest request) {
        return stories(new FeedSource(FeedSource.Kind.AUTHOR, slug), format(request), request);
    }

    @GetMapping({"/comments/feed", "/comments/feed/atom"})
    ResponseEntity<byte[]> siteComments(HttpServletRequest request) {
        PageTags.add(PageTags.COMMENT_FEEDS);
        return answer(FeedSource.COMMENTS, format(request), () -> Optional.of(comments.site()), request);
    }

    @GetMapping({ARTICLE + "/feed", ARTICLE + "/feed/atom"})
    ResponseEntity<byte[]> articleComments(
            @PathVariable String section,
            @PathVariable String year,
            @PathVariable String month,
            @PathVariable String day,
            @PathVariable String slug,
            HttpServletRequest request) {
        FeedFormat format = format(request);
        ArticleView article = reader.findBySlug(slug).orElseThrow(() -> new NotFoundException("No article " + slug));
        String requested = "/" + section + "/" + year + "/" + month + "/" + day + "/" + slug;
        if (!requested.equals(article.url())) {
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .location(URI.create(urls.commentsFeed(article.url(), format)))
                    .build();
        }
        PageTags.add(PageTags.comments(article.id()));
        PageTags.add(PageTags.story(article.id()));
        return answer(
                FeedSource.articleComments(article.id()), format, () -> Optional.of(comments.of(article)), request);
    }

    private ResponseEntity<byte[]> stories(FeedSource source, FeedFormat format, HttpServletRequest request) {
        PageTags.add(PageTags.FEEDS);
        return answer(source, format, () -> stories.of(source), request);
    }

    private ResponseEntity<byte[]> answer(
            FeedSource source, FeedFormat format, Supplier<Optional<FeedContent>> read, HttpServletRequest request) {
        FeedContext context = new FeedContext(format, urls.origin(), identity.current(), settings.language());
        RenderedFeed feed =
                kept.get(source, context, read).orElseThrow(() -> new NotFoundException("No feed of " + source));
        boolean gzip = ContentNegotiation.acceptsGzip(request);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, contentType(format))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .eTag(gzip ? feed.gzipEtag() : feed.etag())
                .lastModified(feed.lastModified());
        if (gzip) {
            answer.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return answer.body(gzip ? feed.gzipped() : feed.bytes());
    }

    /** RSS and Atom are XML, whose encoding the type names; JSON is always UTF-8 (RFC 8259). */
    static String contentType(FeedFormat format) {
        return format == FeedFormat.JSON ? format.contentType() : format.contentType() + "; charset=UTF-8";
    }

    private static FeedFormat format(HttpServletRequest request) {
        return request.getRequestURI().endsWith("/atom") ? FeedFormat.ATOM : FeedFormat.RSS;
    }
}

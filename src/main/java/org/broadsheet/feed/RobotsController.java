package org.broadsheet.feed;

import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.SiteUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /robots.txt} (RFC 9309): crawlers keep out of the newsroom, search results and the
 * comment form's reply addresses (the article again under another URL), and are pointed at the
 * sitemap index and the news sitemap by absolute URL. {@code $} ends a path, so sections whose
 * slug starts with "search" or "newsroom" stay open.
 */
@Controller
record RobotsController(SiteUrls urls) {

    static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        String body = robotsTxt();
        return ResponseEntity.ok()
                .contentType(TEXT)
                .header(HttpHeaders.CACHE_CONTROL, SitemapController.CACHE_CONTROL)
                .eTag(Integer.toHexString(body.hashCode()))
                .body(body);
    }

    /** The whole file, for the site's address. */
    String robotsTxt() {
        String newsroom = NewsroomUrls.HOME;
        String search = urls.search();
        return "User-agent: *\n"
                + "Disallow: " + newsroom + "$\n"
                + "Disallow: " + newsroom + "/\n"
                + "Disallow: " + search + "$\n"
                + "Disallow: " + search + "?\n"
                + "Disallow: " + search + "/\n"
                + "Disallow: /*?replytocom=\n"
                + "Disallow: /*&replytocom=\n"
                + "\n"
                + "Sitemap: " + urls.absolute(urls.sitemapIndex()) + "\n"
                + "Sitemap: " + urls.absolute(urls.newsSitemap()) + "\n";
    }
}

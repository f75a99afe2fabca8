package org.broadsheet.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a page says about itself to search engines and link previews, beyond its title and
 * description: the Open Graph type, a picture, an article's dates, section and tags (Open
 * Graph and Twitter card tags), and its schema.org JSON-LD blocks. The layout writes it.
 *
 * @param type           the Open Graph type: {@code website} or {@code article}
 * @param image          the picture a preview shows, or null
 * @param publishedTime  an article's first publication, or null
 * @param modifiedTime   an article's last change readers can see, or null
 * @param section        an article's section name, or null
 * @param tags           an article's tag names
 * @param structuredData the page's JSON-LD blocks
 */
public record PageMetadata(
        String type,
        @Nullable Image image,
        @Nullable Instant publishedTime,
        @Nullable Instant modifiedTime,
        @Nullable String section,
        List<String> tags,
        List<JsonLd> structuredData) {

    /** A picture for link previews: an absolute URL and its size and alt text. */
    public record Image(String url, int width, int height, String alt) {}

    /** A page that is not an article, with no picture of its own. */
    public static final PageMetadata WEBSITE =
            new PageMetadata("website", null, null, null, null, List.of(), List.of());

    /** A page that is not an article, with these JSON-LD blocks. */
    public static PageMetadata website(List<JsonLd> structuredData) {
        return new PageMetadata("website", null, null, null, null, List.of(), structuredData);
    }

    public boolean isArticle() {
        return type.equals("article");
    }

    /** {@code summary_large_image} when there is a picture, {@code summary} otherwise. */
    public String twitterCard() {
        return image == null ? "summary" : "summary_large_image";
    }
}

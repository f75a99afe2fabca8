package org.broadsheet.web;

/**
 * A feed a page offers for autodiscovery, written as {@code <link rel="alternate">} in its head.
 *
 * @param format the feed's format, which gives its media type
 * @param title  what a feed reader shows for it: "Americas – Broadsheet (RSS)"
 * @param url    where it is, as {@link SiteUrls} makes it
 */
public record FeedLink(FeedFormat format, String title, String url) {

    public String type() {
        return format.contentType();
    }
}

package org.broadsheet.web;

/** The feed formats readers' feed readers are offered, with where each sits under a list's URL. */
public enum FeedFormat {
    RSS("feed", "application/rss+xml", "RSS"),
    ATOM("feed/atom", "application/atom+xml", "Atom"),
    JSON("feed.json", "application/feed+json", "JSON Feed");

    private final String path;
    private final String contentType;
    private final String label;

    FeedFormat(String path, String contentType, String label) {
        this.path = path;
        this.contentType = contentType;
        this.label = label;
    }

    /** The path under a list's URL ({@code feed}, {@code feed/atom}, {@code feed.json}). */
    public String path() {
        return path;
    }

    /** The media type the feed is served with, also its {@code <link rel="alternate">} type. */
    public String contentType() {
        return contentType;
    }

    public String label() {
        return label;
    }
}

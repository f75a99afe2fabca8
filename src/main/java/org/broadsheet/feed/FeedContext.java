package org.broadsheet.feed;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.broadsheet.web.FeedFormat;
import org.broadsheet.web.SiteIdentity;

/**
 * Where and as what a feed is written: its format, the site's public address (absolute URLs and
 * entry ids are made on it), the site's name and tagline in force, and its language. Feeds
 * written for different contexts are different bytes, kept apart.
 *
 * @param origin the site's address without a trailing slash, as {@code SiteUrls.origin()} gives it
 */
record FeedContext(FeedFormat format, String origin, SiteIdentity site, String language) {

    /** {@code path} (a site path, or already absolute) on the site's address. */
    String absolute(String path) {
        return path.startsWith("https://") || path.startsWith("http://") ? path : origin + path;
    }

    /** The host name entry ids are tagged with. */
    String host() {
        String host = URI.create(origin).getHost();
        return host == null ? "localhost" : host;
    }

    /** "Americas – Broadsheet", or the site's name alone for its own feed. */
    String title(FeedContent content) {
        return content.name() == null ? site.name() : content.name() + " – " + site.name();
    }

    String description(FeedContent content) {
        return content.description() == null || content.description().isBlank()
                ? site.tagline()
                : content.description();
    }

    /** The feed's own address in this format. */
    String self(FeedContent content) {
        return absolute(content.feedPaths().get(format));
    }

    /** RFC 3339, in UTC, to the second: {@code 2026-11-27T14:05:00Z}. */
    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}

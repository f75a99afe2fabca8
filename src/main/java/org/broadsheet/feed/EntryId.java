package org.broadsheet.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The permanent id of a feed entry: an RFC 4151 tag URI,
 * {@code tag:news.example,2026-03-14:article:42}. It is made of the site's host name, the day
 * (in UTC) the article or comment was first saved, what it is and its id in the database. None
 * of these change when a story's headline, slug, section or publication date does, so feed
 * readers never show an edited story twice; the date is one on which the site owned its name,
 * as the RFC asks.
 *
 * @param kind    {@code article} or {@code comment}
 * @param created when the thing was first saved
 */
record EntryId(String kind, long id, Instant created) {

    /** What RFC 4151 accepts as a DNS name; anything else (an IPv6 literal) is tagged as localhost. */
    private static final Pattern DNS_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    /** The tag URI under {@code host}, the site's host name (no port). */
    String uri(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        LocalDate day = LocalDate.ofInstant(created, ZoneOffset.UTC);
        return "tag:" + (DNS_NAME.matcher(name).matches() ? name : "localhost") + "," + day + ":" + kind + ":" + id;
    }
}

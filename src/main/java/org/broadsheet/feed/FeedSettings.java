package org.broadsheet.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code broadsheet.feeds.*}: what the site's feeds carry.
 *
 * @param content  {@code full}: each story's whole text as HTML (with its standfirst as the
 *                 summary); {@code summary}: the standfirst only
 * @param items    how many stories or comments a feed lists, newest first (1 to 100)
 * @param cacheTtl how long a feed stays in memory. Every change readers could see in it (a
 *                 story, a comment, a section, tag or author, the site's name) forgets it at once
 *                 on every node, so this only bounds what a node that missed the news serves
 */
@ConfigurationProperties("broadsheet.feeds")
record FeedSettings(
        @DefaultValue("full") Content content,
        @DefaultValue("20") int items,
        @DefaultValue("5m") Duration cacheTtl) {

    /** How much of each story a feed carries. */
    enum Content {
        FULL,
        SUMMARY
    }

    FeedSettings {
        if (items < 1 || items > 100) {
            throw new IllegalArgumentException("broadsheet.feeds.items must be from 1 to 100, not " + items);
        }
        if (cacheTtl.isNegative() || cacheTtl.isZero()) {
            throw new IllegalArgumentException("broadsheet.feeds.cache-ttl must be positive, not " + cacheTtl);
        }
    }

    boolean fullText() {
        return content == Content.FULL;
    }
}

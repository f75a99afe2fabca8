package org.broadsheet.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.broadsheet.web.FeedFormat;
import org.jspecify.annotations.Nullable;

/**
 * What a feed says, whatever its format. Addresses are the site's paths ({@code /americas});
 * the writers put them on the address the feed is served from.
 *
 * @param name        what the feed follows ("Americas", "Comments"), or null for the site's
 *                    own stories; its title is this name and then the site's
 * @param description a line saying what it carries, or null for the site's tagline
 * @param homePath    the page the feed follows
 * @param feedPaths   where the feed is, in each format it is offered in
 * @param updated     the latest change of an entry, or the time given for a feed without any
 * @param entries     newest first
 */
record FeedContent(
        @Nullable String name,
        @Nullable String description,
        String homePath,
        Map<FeedFormat, String> feedPaths,
        Instant updated,
        List<FeedEntry> entries) {

    /** Roughly how many characters it holds, for the cache's size limit. */
    int weight() {
        return 512 + entries.stream().mapToInt(FeedEntry::weight).sum();
    }

    /** The latest {@code modified} among the entries, or {@code whenEmpty} when there are none. */
    static Instant latest(List<FeedEntry> entries, Instant whenEmpty) {
        return entries.stream().map(FeedEntry::modified).max(Instant::compareTo).orElse(whenEmpty);
    }
}

package org.broadsheet.feed;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One story or comment in a feed.
 *
 * @param id         its permanent id, which no edit changes
 * @param path       where readers find it
 * @param summary    plain text (a story's standfirst), or null
 * @param html       the text as HTML whose links may be site paths, or null (a summary feed)
 * @param published  when it became public
 * @param modified   its latest change readers can see
 * @param authors    the byline, or the commenter
 * @param categories tag names
 * @param imagePath  the lead image, or null
 */
record FeedEntry(
        EntryId id,
        String path,
        String title,
        @Nullable String summary,
        @Nullable String html,
        Instant published,
        Instant modified,
        List<Person> authors,
        List<String> categories,
        @Nullable String imagePath) {

    /** Someone named in a feed, with their page on the site or their own website. */
    record Person(String name, @Nullable String url) {}

    int weight() {
        return 256 + title.length() + length(summary) + length(html);
    }

    private static int length(@Nullable String text) {
        return text == null ? 0 : text.length();
    }
}

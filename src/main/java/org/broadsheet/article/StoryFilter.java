package org.broadsheet.article;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which public stories a machine-readable list holds (the API's article list): every filter
 * given must hold; null ones are left out.
 *
 * @param publishedSince  published at or after this instant
 * @param publishedBefore published strictly before this instant
 * @param modifiedSince   last changed (published or edited) at or after this instant
 */
public record StoryFilter(
        @Nullable Long sectionId,
        @Nullable Long tagId,
        @Nullable Long authorId,
        @Nullable Instant publishedSince,
        @Nullable Instant publishedBefore,
        @Nullable Instant modifiedSince) {

    public static final StoryFilter ALL = new StoryFilter(null, null, null, null, null, null);
}

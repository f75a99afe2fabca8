package org.broadsheet.article;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a newest-first list of public stories in full.
 *
 * @param next where the next page starts, or null when this is the last
 */
public record StoryPage(
        List<ArticleEntry> entries, @Nullable StoryKey next) {}

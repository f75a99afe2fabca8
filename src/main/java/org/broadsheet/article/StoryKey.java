package org.broadsheet.article;

import java.time.Instant;

/**
 * A place in the newest-first order of public stories (publication time, then id): a list
 * page holds the stories after it, found by one walk of the publication index however deep
 * the page.
 */
public record StoryKey(Instant publishedAt, long id) {}

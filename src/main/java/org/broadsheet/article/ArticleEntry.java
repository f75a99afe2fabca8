package org.broadsheet.article;

import java.time.Instant;

/**
 * A public article as a feed carries it: what its page shows, and the two instants a feed
 * states exactly where the page rounds or hides them.
 *
 * @param created  when the article was first saved. It never changes (not on edits, nor when an
 *                 editor republishes the story with a new date), so feeds build the article's
 *                 permanent id from it
 * @param modified its latest change readers can see: the later of its publication and its last
 *                 saved edit or note, to the second
 */
public record ArticleEntry(ArticleView view, Instant created, Instant modified) {}

package org.broadsheet.article;

import java.util.List;

/**
 * The outcome of a save that was accepted.
 *
 * @param warnings things an editor should know but that did not stop the save, e.g. a story
 *                 reference to an article that does not exist or is not published
 */
public record ArticleSaved(long id, String slug, List<String> warnings) {}

package org.broadsheet.article;

import org.broadsheet.web.DisplayDate;

/**
 * What one person typed into an article's editor and did not save, kept by the editor's
 * script every 30 seconds or so. Not validated: it is put back into the form, not published.
 *
 * @param baseVersion the version they were editing; saving it from an older one is refused
 *                    as an edit conflict, which shows them the change they missed
 */
public record Autosave(ArticleForm form, int baseVersion, DisplayDate savedAt) {}

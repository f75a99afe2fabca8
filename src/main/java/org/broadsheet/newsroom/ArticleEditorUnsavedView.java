package org.broadsheet.newsroom;

import org.broadsheet.article.Autosave;

/**
 * "Write a new article" when this person left one unsaved: what it is and when it was
 * autosaved, with Restore and Discard.
 */
public record ArticleEditorUnsavedView(Autosave autosave) {

    /** The headline as typed, or null when none was. */
    public String headline() {
        String headline = autosave.form().headline();
        return headline == null || headline.isBlank() ? null : headline.strip();
    }

    /** Words in the body so far. */
    public int words() {
        String body = autosave.form().body();
        return body == null || body.isBlank() ? 0 : body.strip().split("\\s+").length;
    }
}

package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.access.ArticleAccess;
import org.broadsheet.article.EditableArticle;
import org.broadsheet.article.RevisionDiff;
import org.broadsheet.article.RevisionSummary;

/**
 * The revisions page and the comparison page.
 *
 * @param revisions the article's revisions, newest first
 * @param problem   why a restore was refused, or empty
 * @param diff      on the comparison page, the difference shown; else null
 */
public record ArticleEditorRevisionsView(
        EditableArticle article,
        List<RevisionSummary> revisions,
        ArticleAccess can,
        StaffForm problem,
        RevisionDiff diff) {

    /** The revision before the newest, for the comparison form's default. */
    public int previous() {
        return revisions.size() > 1 ? revisions.get(1).number() : article.version();
    }
}

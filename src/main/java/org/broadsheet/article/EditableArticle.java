package org.broadsheet.article;

import java.util.List;
import org.broadsheet.web.DisplayDate;

/**
 * An article as the newsroom's editor opens it.
 *
 * @param form      its content as saved, ready to fill the editor's form
 * @param version   the version the editor starts from; send it back with the save
 * @param createdBy the staff member who created it (its owner), or null for imported articles
 * @param published when it was or will be published (the scheduled time while scheduled), or null
 * @param publicUrl its permalink while readers can see it, else null
 */
public record EditableArticle(
        long id,
        ArticleForm form,
        ArticleStatus status,
        int version,
        Long createdBy,
        DisplayDate published,
        DisplayDate updated,
        boolean commentsOpen,
        List<ArticleView.Note> notes,
        String publicUrl) {}

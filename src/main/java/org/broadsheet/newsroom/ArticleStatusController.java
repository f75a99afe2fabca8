package org.broadsheet.newsroom;

import org.broadsheet.access.ArticleAccess;
import org.broadsheet.account.Staff;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.EditableArticle;
import org.broadsheet.article.NoteKind;
import org.broadsheet.web.NewsroomUrls;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The editor's actions on a saved article besides saving it: unpublish, back to draft, comments
 * on or off, and dated corrections and update notes. Each checks {@link ArticleAccess};
 * a move the article's status does not allow goes back to the editor saying why.
 */
@Controller
record ArticleStatusController(
        NewsroomPages pages, ArticleEditorPages editor, ArticleWorkflow workflow, ArticleDesk desk) {

    private static final String ARTICLE = NewsroomUrls.ARTICLES + "/" + NewsroomUrls.ID;

    /** The correction or update note form: {@code kind} is "correction" or "update". */
    record NoteFields(String kind, String note) {

        NoteKind noteKind() {
            return "update".equals(kind) ? NoteKind.UPDATE : "correction".equals(kind) ? NoteKind.CORRECTION : null;
        }
    }

    @PostMapping(ARTICLE + "/unpublish")
    ModelAndView unpublish(Staff staff, @PathVariable long id) {
        EditableArticle article = desk.forEditing(id);
        ArticleAccess.require(ArticleAccess.of(staff, article).unpublish(), "unpublish");
        return pages.change(
                () -> workflow.unpublish(id), NewsroomUrls.article(id), "Unpublished: readers no longer see it.");
    }

    @PostMapping(ARTICLE + "/draft")
    ModelAndView returnToDraft(Staff staff, @PathVariable long id) {
        EditableArticle article = desk.forEditing(id);
        ArticleAccess.require(ArticleAccess.of(staff, article).returnToDraft(), "return to draft");
        return pages.change(() -> workflow.returnToDraft(id), NewsroomUrls.article(id), "Back to draft.");
    }

    @PostMapping(ARTICLE + "/comments")
    ModelAndView comments(Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String open) {
        EditableArticle article = desk.forEditing(id);
        ArticleAccess.require(ArticleAccess.of(staff, article).comments(), "open or close comments on");
        boolean opening = open.equals("true");
        workflow.setCommentsOpen(id, opening);
        return pages.redirect(NewsroomUrls.article(id), opening ? "Comments are open." : "Comments are closed.");
    }

    @PostMapping(ARTICLE + "/notes")
    ModelAndView addNote(Staff staff, @PathVariable long id, NoteFields fields) {
        EditableArticle article = desk.forEditing(id);
        ArticleAccess.require(ArticleAccess.of(staff, article).notes(), "add notes to");
        NoteKind kind = fields.noteKind();
        return pages.submit(
                fields,
                () -> workflow.addNote(id, kind, fields.note(), null),
                NewsroomUrls.article(id) + "#notes-heading",
                (kind == NoteKind.CORRECTION ? "Correction" : "Update") + " added; the article now shows it.",
                refused -> editor.noteRefused(staff, article, refused));
    }
}

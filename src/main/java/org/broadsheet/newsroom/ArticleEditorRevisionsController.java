package org.broadsheet.newsroom;

import org.broadsheet.access.ArticleAccess;
import org.broadsheet.account.Staff;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleEditConflict;
import org.broadsheet.article.ArticleSaved;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.EditableArticle;
import org.broadsheet.article.RevisionDiff;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.PageNumber;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** An article's revisions: the list, the difference between two, and restoring one. */
@Controller
record ArticleEditorRevisionsController(NewsroomPages pages, ArticleService articles, ArticleDesk desk) {

    private static final String BASE = NewsroomUrls.ARTICLES + "/" + NewsroomUrls.ID + "/revisions";

    @GetMapping(BASE)
    ModelAndView list(Staff staff, @PathVariable long id) {
        EditableArticle article = opened(staff, id);
        return page(staff, article, StaffForm.empty(), null);
    }

    @GetMapping(BASE + "/compare")
    ModelAndView compare(
            Staff staff,
            @PathVariable long id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        EditableArticle article = opened(staff, id);
        RevisionDiff diff = desk.compare(id, PageNumber.parse(from), PageNumber.parse(to));
        return page(staff, article, StaffForm.empty(), diff);
    }

    /** The restore form: the version the list was made from (hidden). */
    record RestoreFields(String version) {

        /** The version; not a number is never current, so it is answered as an edit conflict. */
        int baseVersion() {
            try {
                return Integer.parseInt(version == null ? "" : version);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    @PostMapping(BASE + "/{number:[0-9]{1,6}}/restore")
    ModelAndView restore(Staff staff, @PathVariable long id, @PathVariable int number, RestoreFields fields) {
        EditableArticle article = desk.forEditing(id);
        ArticleAccess.require(ArticleAccess.of(staff, article).edit(), "edit");
        return pages.submit(
                fields,
                () -> {
                    try {
                        ArticleSaved saved = articles.restore(id, number, fields.baseVersion(), staff.id());
                        return pages.redirect(
                                NewsroomUrls.article(saved.id()),
                                "Revision " + number + " restored as revision "
                                        + desk.forEditing(id).version() + ".");
                    } catch (ArticleEditConflict e) {
                        ModelAndView page = page(
                                staff,
                                article,
                                StaffForm.empty()
                                        .withProblem(
                                                "The article was saved again (version " + e.currentVersion()
                                                        + ") after you opened this page. Look at the list again before restoring."),
                                null);
                        page.setStatus(HttpStatus.CONFLICT);
                        return page;
                    }
                },
                refused -> page(
                        staff,
                        article,
                        StaffForm.empty()
                                .withProblem("Revision " + number + " cannot be restored as it is: "
                                        + refused.firstError() + ". Open the editor and make the change by hand."),
                        null));
    }

    private EditableArticle opened(Staff staff, long id) {
        EditableArticle article = desk.forEditing(id);
        ArticleAccess.require(ArticleAccess.of(staff, article).open(), "open");
        return article;
    }

    private ModelAndView page(Staff staff, EditableArticle article, StaffForm problem, RevisionDiff diff) {
        ArticleEditorRevisionsView view = new ArticleEditorRevisionsView(
                article, desk.revisions(article.id()), ArticleAccess.of(staff, article), problem, diff);
        String title = diff == null
                ? "Revisions: " + article.form().headline()
                : "Revisions " + diff.from().number() + " and " + diff.to().number() + ": "
                        + article.form().headline();
        return pages.render(
                staff,
                diff == null ? "newsroom/articles/revisions" : "newsroom/articles/compare",
                title,
                "articles",
                view);
    }
}

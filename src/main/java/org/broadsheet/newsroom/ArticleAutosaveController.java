package org.broadsheet.newsroom;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.access.ArticleAccess;
import org.broadsheet.account.Staff;
import org.broadsheet.article.ArticleAutosaves;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.Autosave;
import org.broadsheet.article.EditableArticle;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.ValidationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The editor's autosave: what the editor's script sends every 30 seconds while someone types
 * (of a saved article, or of a new one before its first save), and the forms that restore or
 * discard it. Autosaves are never revisions and change nothing readers see.
 */
@Controller
record ArticleAutosaveController(
        NewsroomPages pages,
        ArticleEditorPages editor,
        ArticleAutosaves autosaves,
        ArticleDesk desk,
        TagService tags,
        Clock clock) {

    private static final String ARTICLE = NewsroomUrls.ARTICLES + "/" + NewsroomUrls.ID;
    private static final String NEW = NewsroomUrls.ARTICLES + "/autosave";

    @PostMapping(ARTICLE + "/autosave")
    ResponseEntity<Map<String, String>> autosave(Staff staff, @PathVariable long id, ArticleEditorForm form) {
        EditableArticle article = desk.forEditing(id);
        ArticleAccess.require(ArticleAccess.of(staff, article).edit(), "edit");
        return autosaved(() -> autosaves.autosave(id, staff.id(), form.baseVersion(), form.toArticleForm(tags.all())));
    }

    @PostMapping(ARTICLE + "/autosave/discard")
    ModelAndView discard(Staff staff, @PathVariable long id) {
        EditableArticle article = desk.forEditing(id);
        ArticleAccess.require(ArticleAccess.of(staff, article).open(), "open");
        autosaves.discardAutosave(id, staff.id());
        return pages.redirect(NewsroomUrls.article(id), "Autosaved changes discarded.");
    }

    /** A new article before its first save: kept per person, not as an article. */
    @PostMapping(NEW)
    ResponseEntity<Map<String, String>> autosaveNew(Staff staff, ArticleEditorForm form) {
        ArticleAccess.forNew(staff);
        return autosaved(() -> autosaves.autosaveNew(staff.id(), form.toArticleForm(tags.all())));
    }

    /** The editor holding the new article this person left unsaved; nothing is written. */
    @PostMapping(NEW + "/restore")
    ModelAndView restoreNew(Staff staff) {
        ArticleAccess.forNew(staff);
        Optional<Autosave> unsaved = desk.newArticleAutosave(staff.id());
        if (unsaved.isEmpty()) {
            return pages.redirect(NewsroomUrls.NEW_ARTICLE, "There is no unsaved article to restore.");
        }
        ArticleEditorForm form = ArticleEditorForm.of(unsaved.get().form(), 0, tags.all());
        return editor.restored(staff, null, form, unsaved.get());
    }

    @PostMapping(NEW + "/discard")
    ModelAndView discardNew(Staff staff) {
        ArticleAccess.forNew(staff);
        autosaves.discardNewAutosave(staff.id());
        return pages.redirect(NewsroomUrls.NEW_ARTICLE, "Unsaved article discarded.");
    }

    /**
     * The script's answer to an autosave: when it was kept (200), or why not (422, the first
     * problem), as JSON rather than a page.
     */
    private ResponseEntity<Map<String, String>> autosaved(Runnable autosave) {
        ResponseEntity.BodyBuilder response;
        Map<String, String> body;
        try {
            autosave.run();
            response = ResponseEntity.ok();
            body = Map.of(
                    "saved",
                    ArticleEditorForm.localTime(clock.instant(), editor.zone()).replace('T', ' '));
        } catch (ValidationException e) {
            response = ResponseEntity.unprocessableContent();
            body = Map.of("problem", e.problems().get(0).message());
        }
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }
}

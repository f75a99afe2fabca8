package org.broadsheet.newsroom;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.broadsheet.access.ArticleAccess;
import org.broadsheet.account.Staff;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleEditConflict;
import org.broadsheet.article.ArticleSaved;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.Autosave;
import org.broadsheet.article.EditableArticle;
import org.broadsheet.article.RevisionDiff;
import org.broadsheet.taxonomy.Author;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.Place;
import org.broadsheet.taxonomy.PlaceSuggestions;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The article editor: writing a new article and editing one, saved as revisions, with the
 * button's next step (submit for review, publish, schedule) taken after the save. Every
 * handler checks {@link ArticleAccess} on the server. A refused save shows the form
 * again with the typed text kept (422), an edit over someone else's the other change too (409).
 */
@Controller
record ArticleEditorController(
        NewsroomPages pages,
        ArticleEditorPages editor,
        ArticleService articles,
        ArticleWorkflow workflow,
        ArticleDesk desk,
        AuthorService authors,
        TagService tags,
        PlaceSuggestions places) {

    /** A blank editor; or, when this person left a new article unsaved, the offer to restore or discard it. */
    @GetMapping(NewsroomUrls.NEW_ARTICLE)
    ModelAndView newArticle(Staff staff) {
        ArticleAccess.forNew(staff);
        Optional<Autosave> unsaved = desk.newArticleAutosave(staff.id());
        if (unsaved.isPresent()) {
            return pages.render(
                    staff,
                    "newsroom/articles/unsaved",
                    "New article: unsaved work",
                    "articles",
                    new ArticleEditorUnsavedView(unsaved.get()));
        }
        String byline = authors.all().stream()
                .filter(a -> staff.authorId() != null && a.id() == staff.authorId())
                .map(Author::slug)
                .findFirst()
                .orElse(null);
        return editor.editor(staff, null, ArticleEditorForm.blank(byline), StaffForm.empty());
    }

    @PostMapping(NewsroomUrls.ARTICLES)
    ModelAndView create(Staff staff, ArticleEditorForm form, @RequestParam(defaultValue = "save") String action) {
        ArticleAccess can = ArticleAccess.forNew(staff);
        requireAction(can, action);
        List<Tag> all = tags.all();
        return pages.submit(
                form,
                () -> {
                    Instant at = scheduleTime(action, form);
                    ArticleSaved saved = articles.create(form.toArticleForm(all), staff.id(), newTags(can, form, all));
                    return pages.redirect(NewsroomUrls.article(saved.id()), afterSave(action, saved, at));
                },
                refused -> editor.editor(staff, null, form, refused));
    }

    @GetMapping(NewsroomUrls.ARTICLES + "/" + NewsroomUrls.ID)
    ModelAndView edit(Staff staff, @PathVariable long id, @RequestParam(required = false) String autosave) {
        EditableArticle article = desk.forEditing(id);
        ArticleAccess can = ArticleAccess.of(staff, article);
        ArticleAccess.require(can.open(), "open");
        Optional<Autosave> kept = autosave != null && can.edit() ? desk.autosave(id, staff.id()) : Optional.empty();
        if (kept.isPresent()) {
            ArticleEditorForm form =
                    ArticleEditorForm.of(kept.get().form(), kept.get().baseVersion(), tags.all());
            return editor.restored(staff, article, form, kept.get());
        }
        return editor.editor(staff, article, editor.formFor(article), StaffForm.empty());
    }

    @PostMapping(NewsroomUrls.ARTICLES + "/" + NewsroomUrls.ID)
    ModelAndView save(
            Staff staff,
            @PathVariable long id,
            ArticleEditorForm typed,
            @RequestParam(defaultValue = "save") String action,
            @RequestParam(required = false) String place) {
        EditableArticle article = desk.forEditing(id);
        ArticleAccess can = ArticleAccess.of(staff, article);
        requireAction(can, action);
        ArticleEditorForm form = withPlace(id, can, typed, place);
        List<Tag> all = tags.all();
        return pages.submit(
                form,
                () -> {
                    try {
                        Instant at = scheduleTime(action, form);
                        ArticleSaved saved = articles.save(
                                id, form.toArticleForm(all), form.baseVersion(), staff.id(), newTags(can, form, all));
                        return pages.redirect(NewsroomUrls.article(id), afterSave(action, saved, at));
                    } catch (ArticleEditConflict e) {
                        return conflict(staff, article, form, e);
                    }
                },
                refused -> editor.editor(staff, article, form, refused));
    }

    /**
     * Someone saved while this person was editing: their text stays in the form, now based on
     * the current version (so saving again replaces the other change, knowingly), with the
     * other change shown above it. 409.
     */
    private ModelAndView conflict(Staff staff, EditableArticle article, ArticleEditorForm form, ArticleEditConflict e) {
        RevisionDiff theirs;
        try {
            theirs = desk.compare(article.id(), e.baseVersion(), e.currentVersion());
        } catch (NotFoundException missing) {
            theirs = null; // a forged or missing base version: nothing to compare with
        }
        String by = theirs == null || theirs.to().staffName() == null
                ? "Someone else"
                : theirs.to().staffName();
        StaffForm problem = StaffForm.empty()
                .withProblem(by + " saved this article while you were editing it. "
                        + "Your text is kept below and has not been saved. Their change is shown first; "
                        + "save again to replace it with your version, or copy what you need and reload.");
        ModelAndView page = editor.conflict(
                staff, desk.forEditing(article.id()), form.withVersion(e.currentVersion()), problem, theirs);
        page.setStatus(HttpStatus.CONFLICT);
        return page;
    }

    /**
     * The form as typed, with the place a person accepted among its tags (its place tag made if
     * need be), or with the place they dismissed remembered for this article.
     */
    private ArticleEditorForm withPlace(long id, ArticleAccess can, ArticleEditorForm form, String choice) {
        if (choice == null) {
            return form;
        }
        int colon = choice.indexOf(':');
        Place place = places.place(choice.substring(colon + 1))
                .orElseThrow(() -> new NotFoundException("No place " + choice));
        switch (colon < 0 ? "" : choice.substring(0, colon)) {
            case "dismiss" -> {
                places.dismiss(id, place.slug());
                return form;
            }
            case "accept" -> {
                ArticleAccess.require(
                        can.createTags() || tags.findBySlug(place.slug()).isPresent(), "create tags");
                return form.withTag(places.accept(place).name());
            }
            default -> throw new NotFoundException("No place choice " + choice);
        }
    }

    private static List<String> newTags(ArticleAccess can, ArticleEditorForm form, List<Tag> all) {
        return can.createTags() ? form.newTags(all) : List.of();
    }

    private static void requireAction(ArticleAccess can, String action) {
        switch (action) {
            case "save" -> ArticleAccess.require(can.edit(), "edit");
            case "submit" -> ArticleAccess.require(can.edit() && can.submit(), "submit");
            case "publish", "schedule" -> ArticleAccess.require(can.publish(), action);
            default -> throw new NotFoundException("No action " + action);
        }
    }

    private Instant scheduleTime(String action, ArticleEditorForm form) {
        if (!action.equals("schedule")) {
            return null;
        }
        Instant at = form.publishAt(editor.zone());
        workflow.checkScheduleTime(at);
        return at;
    }

    /**
     * After a save, the status change the button asked for, and what to tell the person. The
     * save stands even when the change is refused (a time passed meanwhile): the message says so.
     */
    private String afterSave(String action, ArticleSaved saved, Instant at) {
        String done;
        try {
            done = moveOn(action, saved.id(), at);
        } catch (ValidationException e) {
            done = "Saved, but not moved on: " + e.problems().get(0).message() + ".";
        }
        return saved.warnings().isEmpty() ? done : done + " Please check: " + String.join("; ", saved.warnings()) + ".";
    }

    private String moveOn(String action, long id, Instant at) {
        ZoneId zone = editor.zone();
        return switch (action) {
            case "submit" -> {
                workflow.submitForReview(id);
                yield "Saved and submitted for review.";
            }
            case "publish" -> {
                workflow.publish(id, null);
                yield "Saved and published.";
            }
            case "schedule" -> {
                workflow.schedule(id, at);
                yield "Saved and scheduled for "
                        + ArticleEditorForm.localTime(at, zone).replace('T', ' ') + " (" + zone.getId() + ").";
            }
            default -> "Saved.";
        };
    }
}

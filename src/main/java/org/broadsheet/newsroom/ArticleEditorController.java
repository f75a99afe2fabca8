package org.broadsheet.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.account.Staff;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleEditConflict;
import org.broadsheet.article.ArticleSaved;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.Autosave;
import org.broadsheet.article.EditableArticle;
import org.broadsheet.article.NoteKind;
import org.broadsheet.article.RevisionDiff;
import org.broadsheet.media.MediaItem;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.taxonomy.Author;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.SiteSettings;
import org.broadsheet.web.ValidationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The article editor: writing a new article, editing one, and moving it through review,
 * scheduling and publication; comments on or off; corrections and update notes; the
 * editor's autosave, of saved articles and of a new one before its first save. Every handler
 * checks {@link ArticleEditorAccess} on the server.
 */
@Controller
class ArticleEditorController {

    static final String ID = "{id:[0-9]{1,18}}";

    private final NewsroomPages pages;
    private final ArticleService articles;
    private final ArticleDesk desk;
    private final SectionService sections;
    private final AuthorService authors;
    private final TagService tags;
    private final MediaLibrary media;
    private final ZoneId zone;
    private final Clock clock;

    ArticleEditorController(
            NewsroomPages pages,
            ArticleService articles,
            ArticleDesk desk,
            SectionService sections,
            AuthorService authors,
            TagService tags,
            MediaLibrary media,
            SiteSettings site,
            Clock clock) {
        this.media = media;
        this.clock = clock;
        this.pages = pages;
        this.articles = articles;
        this.desk = desk;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.zone = site.timeZone();
    }

    // ---- writing

    /** A blank editor; or, when this person left a new article unsaved, the offer to restore or discard it. */
    @GetMapping("/newsroom/articles/new")
    ModelAndView newArticle(Staff staff) {
        ArticleEditorAccess.forNew(staff);
        Optional<Autosave> unsaved = desk.newArticleAutosave(staff.id());
        if (unsaved.isPresent()) {
            return pages.render(
                    staff,
                    "newsroom/article-unsaved",
                    "New article: unsaved work",
                    "articles",
                    Map.of("view", new ArticleEditorUnsavedView(unsaved.get())));
        }
        String byline = authors.all().stream()
                .filter(a -> staff.authorId() != null && a.id() == staff.authorId())
                .map(Author::slug)
                .findFirst()
                .orElse(null);
        return editor(staff, null, ArticleEditorForm.blank(byline), StaffForm.empty(), null, HttpStatus.OK);
    }

    @PostMapping("/newsroom/articles")
    ModelAndView create(Staff staff, ArticleEditorForm form, @RequestParam(defaultValue = "save") String action) {
        ArticleEditorAccess can = ArticleEditorAccess.forNew(staff);
        requireAction(can, action);
        List<Tag> all = tags.all();
        ArticleSaved saved;
        Instant at;
        try {
            at = scheduleTime(action, form);
            saved = articles.create(
                    form.toArticleForm(all), staff.id(), can.createTags() ? form.newTags(all) : List.of());
        } catch (ValidationException e) {
            return editor(staff, null, form, StaffForm.refused(Map.of(), e), null, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return pages.redirect(editorUrl(saved.id()), afterSave(action, saved, at));
    }

    @GetMapping("/newsroom/articles/" + ID)
    ModelAndView edit(Staff staff, @PathVariable long id, @RequestParam(required = false) String autosave) {
        EditableArticle article = desk.forEditing(id);
        ArticleEditorAccess can = access(staff, article);
        ArticleEditorAccess.require(can.open(), "open");
        Optional<Autosave> kept = autosave != null && can.edit() ? desk.autosave(id, staff.id()) : Optional.empty();
        ArticleEditorForm form = kept.map(a -> ArticleEditorForm.of(a.form(), a.baseVersion(), tags.all()))
                .orElseGet(() -> formFor(article));
        return editor(
                staff, article, form, StaffForm.empty(), StaffForm.empty(), null, HttpStatus.OK, kept.orElse(null));
    }

    @PostMapping("/newsroom/articles/" + ID)
    ModelAndView save(
            Staff staff,
            @PathVariable long id,
            ArticleEditorForm form,
            @RequestParam(defaultValue = "save") String action) {
        EditableArticle article = desk.forEditing(id);
        ArticleEditorAccess can = access(staff, article);
        requireAction(can, action);
        List<Tag> all = tags.all();
        try {
            Instant at = scheduleTime(action, form);
            ArticleSaved saved = articles.save(
                    id,
                    form.toArticleForm(all),
                    form.baseVersion(),
                    staff.id(),
                    can.createTags() ? form.newTags(all) : List.of());
            return pages.redirect(editorUrl(id), afterSave(action, saved, at));
        } catch (ArticleEditConflict e) {
            return conflict(staff, article, form, e);
        } catch (ValidationException e) {
            return editor(staff, article, form, StaffForm.refused(Map.of(), e), null, HttpStatus.UNPROCESSABLE_ENTITY);
        }
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
        StaffForm errors = StaffForm.empty()
                .withProblem(by + " saved this article while you were editing it. "
                        + "Your text is kept below and has not been saved. Their change is shown first; "
                        + "save again to replace it with your version, or copy what you need and reload.");
        return editor(
                staff,
                desk.forEditing(article.id()),
                form.withVersion(e.currentVersion()),
                errors,
                theirs,
                HttpStatus.CONFLICT);
    }

    // ---- status, comments, notes

    @PostMapping("/newsroom/articles/" + ID + "/unpublish")
    ModelAndView unpublish(Staff staff, @PathVariable long id) {
        EditableArticle article = desk.forEditing(id);
        ArticleEditorAccess.require(access(staff, article).unpublish(), "unpublish");
        return statusChange(id, () -> articles.unpublish(id), "Unpublished: readers no longer see it.");
    }

    @PostMapping("/newsroom/articles/" + ID + "/draft")
    ModelAndView returnToDraft(Staff staff, @PathVariable long id) {
        EditableArticle article = desk.forEditing(id);
        ArticleEditorAccess.require(access(staff, article).returnToDraft(), "return to draft");
        return statusChange(id, () -> articles.returnToDraft(id), "Back to draft.");
    }

    @PostMapping("/newsroom/articles/" + ID + "/comments")
    ModelAndView comments(Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String open) {
        EditableArticle article = desk.forEditing(id);
        ArticleEditorAccess.require(access(staff, article).comments(), "open or close comments on");
        boolean opening = open.equals("true");
        articles.setCommentsOpen(id, opening);
        return pages.redirect(editorUrl(id), opening ? "Comments are open." : "Comments are closed.");
    }

    @PostMapping("/newsroom/articles/" + ID + "/notes")
    ModelAndView addNote(Staff staff, @PathVariable long id, @RequestParam Map<String, String> params) {
        EditableArticle article = desk.forEditing(id);
        ArticleEditorAccess.require(access(staff, article).notes(), "add notes to");
        NoteKind kind = "update".equals(params.get("kind"))
                ? NoteKind.UPDATE
                : "correction".equals(params.get("kind")) ? NoteKind.CORRECTION : null;
        try {
            articles.addNote(id, kind, params.get("note"), null);
        } catch (ValidationException e) {
            return editor(
                    staff,
                    article,
                    formFor(article),
                    StaffForm.empty(),
                    StaffForm.refused(params, e),
                    null,
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    null);
        }
        return pages.redirect(
                editorUrl(id) + "#notes-heading",
                (kind == NoteKind.CORRECTION ? "Correction" : "Update") + " added; the article now shows it.");
    }

    // ---- autosave (the editor's script)

    @PostMapping("/newsroom/articles/" + ID + "/autosave")
    ResponseEntity<Map<String, String>> autosave(Staff staff, @PathVariable long id, ArticleEditorForm form) {
        EditableArticle article = desk.forEditing(id);
        ArticleEditorAccess.require(access(staff, article).edit(), "edit");
        return autosaved(() -> articles.autosave(id, staff.id(), form.baseVersion(), form.toArticleForm(tags.all())));
    }

    /** A new article before its first save: kept per person, not as an article. */
    @PostMapping("/newsroom/articles/autosave")
    ResponseEntity<Map<String, String>> autosaveNew(Staff staff, ArticleEditorForm form) {
        ArticleEditorAccess.forNew(staff);
        return autosaved(() -> articles.autosaveNew(staff.id(), form.toArticleForm(tags.all())));
    }

    /** The editor holding the new article this person left unsaved; nothing is written. */
    @PostMapping("/newsroom/articles/autosave/restore")
    ModelAndView restoreNew(Staff staff) {
        ArticleEditorAccess.forNew(staff);
        Optional<Autosave> unsaved = desk.newArticleAutosave(staff.id());
        if (unsaved.isEmpty()) {
            return pages.redirect("/newsroom/articles/new", "There is no unsaved article to restore.");
        }
        ArticleEditorForm form = ArticleEditorForm.of(unsaved.get().form(), 0, tags.all());
        return editor(staff, null, form, StaffForm.empty(), StaffForm.empty(), null, HttpStatus.OK, unsaved.get());
    }

    @PostMapping("/newsroom/articles/autosave/discard")
    ModelAndView discardNew(Staff staff) {
        ArticleEditorAccess.forNew(staff);
        articles.discardNewAutosave(staff.id());
        return pages.redirect("/newsroom/articles/new", "Unsaved article discarded.");
    }

    /** The script's answer to an autosave: when it was kept (200), or why not (422, the first problem). */
    private ResponseEntity<Map<String, String>> autosaved(Runnable autosave) {
        ResponseEntity.BodyBuilder response;
        Map<String, String> body;
        try {
            autosave.run();
            response = ResponseEntity.ok();
            body = Map.of(
                    "saved", ArticleEditorForm.localTime(clock.instant(), zone).replace('T', ' '));
        } catch (ValidationException e) {
            response = ResponseEntity.unprocessableContent();
            body = Map.of("problem", e.problems().get(0).message());
        }
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    @PostMapping("/newsroom/articles/" + ID + "/autosave/discard")
    ModelAndView discardAutosave(Staff staff, @PathVariable long id) {
        EditableArticle article = desk.forEditing(id);
        ArticleEditorAccess.require(access(staff, article).open(), "open");
        articles.discardAutosave(id, staff.id());
        return pages.redirect(editorUrl(id), "Autosaved changes discarded.");
    }

    // ---- helpers

    static String editorUrl(long id) {
        return "/newsroom/articles/" + id;
    }

    static ArticleEditorAccess access(Staff staff, EditableArticle article) {
        return ArticleEditorAccess.of(staff, article.status(), article.createdBy());
    }

    private static void requireAction(ArticleEditorAccess can, String action) {
        switch (action) {
            case "save" -> ArticleEditorAccess.require(can.edit(), "edit");
            case "submit" -> ArticleEditorAccess.require(can.edit() && can.submit(), "submit");
            case "publish", "schedule" -> ArticleEditorAccess.require(can.publish(), action);
            default -> throw new NotFoundException("No action " + action);
        }
    }

    private Instant scheduleTime(String action, ArticleEditorForm form) {
        if (!action.equals("schedule")) {
            return null;
        }
        Instant at = form.publishAt(zone);
        articles.checkScheduleTime(at);
        return at;
    }

    /** After a save: the status change the button asked for, and what to tell the person. */
    private String afterSave(String action, ArticleSaved saved, Instant at) {
        String done;
        try {
            done = switch (action) {
                case "submit" -> {
                    articles.submitForReview(saved.id());
                    yield "Saved and submitted for review.";
                }
                case "publish" -> {
                    articles.publish(saved.id(), null);
                    yield "Saved and published.";
                }
                case "schedule" -> {
                    articles.schedule(saved.id(), at);
                    yield "Saved and scheduled for "
                            + ArticleEditorForm.localTime(at, zone).replace('T', ' ') + " (" + zone.getId() + ").";
                }
                default -> "Saved.";
            };
        } catch (ValidationException e) {
            done = "Saved, but not moved on: " + e.problems().get(0).message() + ".";
        }
        return saved.warnings().isEmpty() ? done : done + " Please check: " + String.join("; ", saved.warnings()) + ".";
    }

    private ModelAndView statusChange(long id, Runnable change, String message) {
        try {
            change.run();
        } catch (ValidationException e) {
            return pages.redirect(editorUrl(id), e.problems().get(0).message() + ".");
        }
        return pages.redirect(editorUrl(id), message);
    }

    private ArticleEditorForm formFor(EditableArticle article) {
        ArticleEditorForm form = ArticleEditorForm.of(article.form(), article.version(), tags.all());
        return form.withPublishAt(ArticleEditorForm.localTime(
                article.published() == null ? null : article.published().at().toInstant(), zone));
    }

    private ModelAndView editor(
            Staff staff,
            EditableArticle article,
            ArticleEditorForm form,
            StaffForm errors,
            RevisionDiff conflict,
            HttpStatus status) {
        return editor(staff, article, form, errors, StaffForm.empty(), conflict, status, null);
    }

    /**
     * The editor page. {@code restored} is the autosave the form holds, or null; when null, an
     * autosave of the article this person may restore is offered.
     */
    private ModelAndView editor(
            Staff staff,
            EditableArticle article,
            ArticleEditorForm form,
            StaffForm errors,
            StaffForm noteForm,
            RevisionDiff conflict,
            HttpStatus status,
            Autosave restored) {
        ArticleEditorAccess can = article == null ? ArticleEditorAccess.forNew(staff) : access(staff, article);
        Autosave offer = restored != null || article == null || !can.edit()
                ? restored
                : desk.autosave(article.id(), staff.id()).orElse(null);
        MediaItem libraryImage =
                form.mediaId() == null ? null : media.findById(form.mediaId()).orElse(null);
        ArticleEditorView view = new ArticleEditorView(
                article,
                form,
                errors,
                noteForm,
                can,
                sections.all(),
                authors.all(),
                tags.all(),
                offer,
                restored != null,
                conflict,
                zone.getId(),
                libraryImage);
        String title =
                article == null ? "New article" : "Edit: " + article.form().headline();
        return pages.render(staff, "newsroom/article-editor", title, "articles", Map.of("view", view), status);
    }
}

package org.broadsheet.newsroom;

import java.time.ZoneId;
import java.util.List;
import org.broadsheet.access.ArticleAccess;
import org.broadsheet.account.Staff;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.Autosave;
import org.broadsheet.article.EditableArticle;
import org.broadsheet.article.RevisionDiff;
import org.broadsheet.media.MediaItem;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.PlaceSuggestions;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.web.SiteSettings;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The article editor's page, for every handler that shows it: a blank or saved article, the
 * form as typed after a refusal, an edit conflict, a note refused, an autosave restored.
 */
@Component
class ArticleEditorPages {

    private final NewsroomPages pages;
    private final ArticleDesk desk;
    private final SectionService sections;
    private final AuthorService authors;
    private final TagService tags;
    private final MediaLibrary media;
    private final PlaceSuggestions places;
    private final ZoneId zone;

    ArticleEditorPages(
            NewsroomPages pages,
            ArticleDesk desk,
            SectionService sections,
            AuthorService authors,
            TagService tags,
            MediaLibrary media,
            PlaceSuggestions places,
            SiteSettings site) {
        this.pages = pages;
        this.desk = desk;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.media = media;
        this.places = places;
        this.zone = site.timeZone();
    }

    /** Places the text names that the article is not tagged with, for saved articles the person may change. */
    private List<PlaceSuggestions.Suggestion> suggestions(
            EditableArticle article, ArticleAccess can, ArticleEditorForm form) {
        if (article == null || !can.edit()) {
            return List.of();
        }
        String text = String.join("\n", nonNull(form.headline()), nonNull(form.standfirst()), nonNull(form.body()));
        return places.suggest(article.id(), text, form.tags());
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** The newsroom's zone, in which the editor shows and reads times. */
    ZoneId zone() {
        return zone;
    }

    /** The editor's form for an article as it is saved. */
    ArticleEditorForm formFor(EditableArticle article) {
        ArticleEditorForm form = ArticleEditorForm.of(article.form(), article.version(), tags.all());
        return form.withPublishAt(ArticleEditorForm.localTime(
                article.published() == null ? null : article.published().at().toInstant(), zone));
    }

    /** The editor for {@code article} (null: a new one) holding {@code form}, with {@code errors} beside its fields. */
    ModelAndView editor(Staff staff, EditableArticle article, ArticleEditorForm form, StaffForm errors) {
        return page(staff, new Shown(article, form, errors, StaffForm.empty(), null, null));
    }

    /** The saved article with its note form refused. */
    ModelAndView noteRefused(Staff staff, EditableArticle article, StaffForm noteForm) {
        return page(staff, new Shown(article, formFor(article), StaffForm.empty(), noteForm, null, null));
    }

    /** The typed form over the article as it is now, with the other person's change above it. */
    ModelAndView conflict(
            Staff staff, EditableArticle article, ArticleEditorForm form, StaffForm problem, RevisionDiff theirs) {
        return page(staff, new Shown(article, form, problem, StaffForm.empty(), theirs, null));
    }

    /** The editor holding an autosave ({@code article} null: of a new article). */
    ModelAndView restored(Staff staff, EditableArticle article, ArticleEditorForm form, Autosave autosave) {
        return page(staff, new Shown(article, form, StaffForm.empty(), StaffForm.empty(), null, autosave));
    }

    /** What one showing of the editor holds; {@code restored} is the autosave the form holds, or null. */
    private record Shown(
            EditableArticle article,
            ArticleEditorForm form,
            StaffForm errors,
            StaffForm noteForm,
            RevisionDiff conflict,
            Autosave restored) {}

    /** When the form holds no autosave, one of the article this person may restore is offered. */
    private ModelAndView page(Staff staff, Shown shown) {
        EditableArticle article = shown.article();
        ArticleAccess can = article == null ? ArticleAccess.forNew(staff) : ArticleAccess.of(staff, article);
        Autosave offer = shown.restored() != null || article == null || !can.edit()
                ? shown.restored()
                : desk.autosave(article.id(), staff.id()).orElse(null);
        Long mediaId = shown.form().mediaId();
        MediaItem libraryImage =
                mediaId == null ? null : media.findById(mediaId).orElse(null);
        ArticleEditorView view = new ArticleEditorView(
                article,
                shown.form(),
                shown.errors(),
                shown.noteForm(),
                can,
                sections.all(),
                authors.all(),
                tags.all(),
                offer,
                shown.restored() != null,
                shown.conflict(),
                zone.getId(),
                libraryImage,
                suggestions(article, can, shown.form()));
        String title =
                article == null ? "New article" : "Edit: " + article.form().headline();
        return pages.render(staff, "newsroom/articles/editor", title, "articles", view);
    }
}

package org.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.List;
import org.broadsheet.access.ArticleAccess;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.Autosave;
import org.broadsheet.article.EditableArticle;
import org.broadsheet.article.RevisionDiff;
import org.broadsheet.media.MediaItem;
import org.broadsheet.taxonomy.Author;
import org.broadsheet.taxonomy.PlaceSuggestions;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.web.NewsroomUrls;

/**
 * The article editor page.
 *
 * @param article    the article as saved, or null for a new one
 * @param form       what the fields show: the saved content, an autosave, or what was just typed
 * @param errors     field errors and the message for the whole form (values unused)
 * @param noteForm   the correction/update form as typed, with its errors
 * @param autosave   an autosave to offer back, or the one {@code form} holds; or null
 * @param fromAutosave whether {@code form} holds {@code autosave}
 * @param conflict   on a refused save: what someone else changed meanwhile, or null
 * @param zone       the site's time zone, in which {@code publishAt} is typed
 * @param libraryImage the library image the form's lead image id names, for its preview; null when
 *                     there is none (no id, or an id the library does not know)
 */
public record ArticleEditorView(
        EditableArticle article,
        ArticleEditorForm form,
        StaffForm errors,
        StaffForm noteForm,
        ArticleAccess can,
        List<Section> sections,
        List<Author> authors,
        List<Tag> tags,
        Autosave autosave,
        boolean fromAutosave,
        RevisionDiff conflict,
        String zone,
        MediaItem libraryImage,
        List<PlaceSuggestions.Suggestion> places) {

    public boolean isNew() {
        return article == null;
    }

    public ArticleStatus status() {
        return article == null ? ArticleStatus.DRAFT : article.status();
    }

    public String action() {
        return article == null ? NewsroomUrls.ARTICLES : NewsroomUrls.article(article.id());
    }

    /** What the simple fields show (the form's values) with the errors beside them. */
    public StaffForm fields() {
        return new StaffForm(FormValues.of(form), errors.errors(), errors.problem());
    }

    /** The sections to choose from, in navigation order. */
    public List<FormField.Option> sectionOptions() {
        return sections.stream()
                .map(s -> new FormField.Option(s.slug(), s.name()))
                .toList();
    }

    /** Where the editor's script autosaves the form, or null when this person may not change it. */
    public String autosaveUrl() {
        if (!can.edit()) {
            return null;
        }
        return article == null ? NewsroomUrls.ARTICLES + "/autosave" : NewsroomUrls.article(article.id()) + "/autosave";
    }

    /** Whether to offer an autosave of the article back (rather than show that the form holds it). */
    public boolean offersAutosave() {
        return autosave != null && !fromAutosave;
    }

    /**
     * The media picker for this article: it sets the lead image of a saved article at once;
     * for a new one it shows each image's id to type here.
     */
    public String pickerUrl() {
        return NewsroomUrls.mediaPicker(article == null ? null : article.id());
    }

    /** One select per byline author chosen, and one more (at least three). */
    public List<String> authorSlots() {
        return slots(form.authors(), 3, ArticleForm.MAX_AUTHORS);
    }

    /** One box per tag given, and two more (at least four). */
    public List<String> tagSlots() {
        return slots(form.tags(), 4, ArticleForm.MAX_TAGS);
    }

    public boolean isSelected(int slot, String authorSlug) {
        List<String> chosen = form.authors();
        return slot < chosen.size() && chosen.get(slot).equals(authorSlug);
    }

    private static List<String> slots(List<String> values, int least, int most) {
        List<String> slots = new ArrayList<>(values);
        int target = Math.min(most, Math.max(least, values.size() + (values.size() < least ? 0 : 2)));
        while (slots.size() < target) {
            slots.add("");
        }
        return slots;
    }
}

package org.broadsheet.newsroom;

import java.util.List;
import java.util.Optional;
import org.broadsheet.access.ArticleAccess;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleEditConflict;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.EditableArticle;
import org.broadsheet.article.LeadImage;
import org.broadsheet.media.MediaItem;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Choosing an article's lead image from the library: a page listing images with their ids
 * (with "Use this image" buttons when it is for an article the person may edit), the same list
 * as JSON for the editor's dialog, and the button's action. "Use this image" sets an article's
 * lead image for anyone who may edit the article, whoever uploaded the image.
 */
@Controller
record MediaPickerController(
        NewsroomPages pages, MediaLibraryViews views, MediaLibrary media, ArticleDesk desk, ArticleService articles) {

    /** One image in the picker, for the editor's script. */
    record Pick(
            long id,
            String filename,
            int width,
            int height,
            String alt,
            String caption,
            String credit,
            String thumbnail,
            int thumbnailWidth,
            int thumbnailHeight) {

        static Pick of(MediaItem i) {
            return new Pick(
                    i.id(),
                    i.filename(),
                    i.width(),
                    i.height(),
                    i.alt(),
                    i.caption(),
                    i.credit(),
                    i.thumbnail().url(),
                    i.thumbnail().width(),
                    i.thumbnail().height());
        }
    }

    /** A page of the picker, for the editor's script: newest first, as on the page. */
    record Picks(List<Pick> images, int page, boolean hasNewer, boolean hasOlder, String count) {}

    /**
     * Images to choose an article's lead image from. With {@code article} (someone who may edit
     * it), each image has a "Use this image" button; without, each shows the id to type into the
     * editor of an article not saved yet.
     */
    @GetMapping(NewsroomUrls.MEDIA_PICKER)
    ModelAndView picker(
            Staff staff,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String article) {
        staff.require(Permission.UPLOAD_MEDIA);
        EditableArticle chosenFor = article == null ? null : editable(staff, articleId(article));
        return pickerPage(staff, q, page, chosenFor, StaffForm.empty());
    }

    @GetMapping(value = NewsroomUrls.MEDIA_PICKER, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Picks> pickerJson(
            Staff staff, @RequestParam(required = false) String q, @RequestParam(required = false) String page) {
        staff.require(Permission.UPLOAD_MEDIA);
        MediaLibraryView view = views.library(q, page, StaffForm.empty(), NewsroomUrls.MEDIA_PICKER);
        List<Pick> images = view.page().items().stream().map(Pick::of).toList();
        Picks picks = new Picks(
                images,
                view.page().page(),
                view.pagination().previousUrl() != null,
                view.pagination().nextUrl() != null,
                view.count());
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(picks);
    }

    /**
     * "Use this image": makes library image {@code media} the article's lead image and saves the
     * article (a new version). A newly chosen image brings its alt text, caption and credit from
     * the library; choosing the current one again changes nothing. Refused (422, the picker
     * again) for an image that is gone or has no alt text.
     */
    @PostMapping(NewsroomUrls.ARTICLES + "/" + NewsroomUrls.ID + "/lead-image")
    ModelAndView useImage(Staff staff, @PathVariable long id, Choice choice) {
        EditableArticle article = editable(staff, id);
        MediaItem item = parseId(choice.media()).flatMap(media::findById).orElse(null);
        if (item == null) {
            return refusedChoice(staff, article, "That image is no longer in the library. Choose another.");
        }
        return pages.submit(
                choice,
                () -> {
                    try {
                        articles.save(id, withImage(article.form(), item), article.version(), staff.id(), List.of());
                    } catch (ArticleEditConflict e) {
                        return refusedChoice(
                                staff,
                                desk.forEditing(id),
                                "Someone saved the article at that moment. Nothing was changed; choose the image again.");
                    }
                    return pages.redirect(
                            NewsroomUrls.article(id) + "#lead-image",
                            "Lead image set to " + item.filename() + ". Check its alt text, caption and credit.");
                },
                refused -> refusedChoice(staff, article, whyNot(item, refused)));
    }

    /** The article with {@code item} as its lead image; the one it has already is kept as it is. */
    private static ArticleForm withImage(ArticleForm form, MediaItem item) {
        LeadImage current = form.image();
        return current != null && current.hasMediaId() && current.mediaId() == item.id()
                ? form
                : form.withImage(LeadImage.fromLibrary(item.image(), "", "", ""));
    }

    /** "Use this image": the library image's id. */
    record Choice(String media) {}

    private static String whyNot(MediaItem item, StaffForm refused) {
        return refused.error("image.alt") != null
                ? item.filename() + " has no alt text yet. Add it on the image's page in the library, or type the "
                        + "image's id and its alt text in the editor."
                : "The article could not be saved: " + refused.firstError() + ".";
    }

    private EditableArticle editable(Staff staff, long articleId) {
        EditableArticle article = desk.forEditing(articleId);
        ArticleAccess.require(ArticleAccess.of(staff, article).edit(), "edit");
        return article;
    }

    private static long articleId(String typed) {
        return parseId(typed).orElseThrow(() -> new NotFoundException("No article " + typed));
    }

    private static Optional<Long> parseId(String typed) {
        String digits = typed == null ? "" : typed.strip();
        return digits.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(digits)) : Optional.empty();
    }

    private ModelAndView refusedChoice(Staff staff, EditableArticle article, String problem) {
        ModelAndView page =
                pickerPage(staff, null, null, article, StaffForm.empty().withProblem(problem));
        page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return page;
    }

    private ModelAndView pickerPage(Staff staff, String q, String page, EditableArticle article, StaffForm form) {
        String path = NewsroomUrls.mediaPicker(article == null ? null : article.id());
        MediaPickerView view = new MediaPickerView(views.library(q, page, StaffForm.empty(), path), article, form);
        return pages.render(
                staff,
                "newsroom/media/picker",
                article == null ? "Choose an image" : "Choose a lead image",
                article == null ? "media" : "articles",
                view);
    }
}

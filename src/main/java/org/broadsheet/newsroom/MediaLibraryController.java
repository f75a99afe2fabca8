package org.broadsheet.newsroom;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.account.StaffAccount;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleEditConflict;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.EditableArticle;
import org.broadsheet.article.LeadImage;
import org.broadsheet.media.MediaItem;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.media.MediaPage;
import org.broadsheet.media.MediaRefused;
import org.broadsheet.media.MediaSettings;
import org.broadsheet.media.MediaUploads;
import org.broadsheet.web.Dates;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.PageNumber;
import org.broadsheet.web.Pagination;
import org.broadsheet.web.ValidationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The media library: every upload with a thumbnail, search and pages; the upload form
 * (multipart, works without JavaScript); each image's page, where its uploader or an editor
 * changes its alt text, caption and credit or deletes it; and a picker listing images with
 * their ids for the article editor. Everyone on the staff may upload and look; contributors
 * and authors change and delete only their own uploads, editors anyone's. The picker's "Use
 * this image" sets an article's lead image for anyone who may edit the article, whoever
 * uploaded the image.
 */
@Controller
class MediaLibraryController {

    static final int PAGE_SIZE = 24;
    private static final String ID = "{id:[0-9]{1,18}}";

    private final NewsroomPages pages;
    private final MediaLibrary media;
    private final MediaUploads uploads;
    private final MediaSettings settings;
    private final AccountService accounts;
    private final Dates dates;
    private final ArticleDesk desk;
    private final ArticleService articles;

    MediaLibraryController(
            NewsroomPages pages,
            MediaLibrary media,
            MediaUploads uploads,
            MediaSettings settings,
            AccountService accounts,
            Dates dates,
            ArticleDesk desk,
            ArticleService articles) {
        this.desk = desk;
        this.articles = articles;
        this.pages = pages;
        this.media = media;
        this.uploads = uploads;
        this.settings = settings;
        this.accounts = accounts;
        this.dates = dates;
    }

    @GetMapping("/newsroom/media")
    ModelAndView library(
            Staff staff, @RequestParam(required = false) String q, @RequestParam(required = false) String page) {
        staff.require(Permission.UPLOAD_MEDIA);
        return libraryPage(staff, q, page, StaffForm.empty(), HttpStatus.OK);
    }

    @PostMapping("/newsroom/media")
    ModelAndView upload(
            Staff staff, @RequestParam(required = false) MultipartFile file, @RequestParam Map<String, String> params) {
        staff.require(Permission.UPLOAD_MEDIA);
        Map<String, String> typed = detailsOf(params);
        if (file == null || file.isEmpty()) {
            return libraryPage(
                    staff,
                    null,
                    null,
                    StaffForm.refused(
                            typed, List.of(new ValidationException.Problem("file", "Choose an image file to upload"))),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        try (InputStream content = file.getInputStream()) {
            MediaItem item = uploads.upload(
                    file.getOriginalFilename(),
                    content,
                    staff.id(),
                    typed.get("alt"),
                    typed.get("caption"),
                    typed.get("credit"));
            return pages.redirect(
                    "/newsroom/media/" + item.id(),
                    "Uploaded " + item.filename() + "."
                            + (item.hasAlt() ? "" : " Add alt text before using it in an article."));
        } catch (ValidationException e) {
            return libraryPage(staff, null, null, StaffForm.refused(typed, e), HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (MediaRefused e) {
            return libraryPage(
                    staff,
                    null,
                    null,
                    StaffForm.refused(typed, List.of(new ValidationException.Problem("file", e.getMessage())))
                            .withProblem("The image was not uploaded."),
                    e.status());
        } catch (IOException e) {
            return libraryPage(
                    staff,
                    null,
                    null,
                    StaffForm.refused(
                            typed,
                            List.of(new ValidationException.Problem(
                                    "file", "The upload did not arrive complete. Nothing was saved."))),
                    HttpStatus.BAD_REQUEST);
        }
    }

    @GetMapping("/newsroom/media/" + ID)
    ModelAndView item(Staff staff, @PathVariable long id) {
        staff.require(Permission.UPLOAD_MEDIA);
        MediaItem item = media.get(id);
        return itemPage(staff, item, StaffForm.of(detailsOf(item)), HttpStatus.OK);
    }

    @PostMapping("/newsroom/media/" + ID)
    ModelAndView updateDetails(Staff staff, @PathVariable long id, @RequestParam Map<String, String> params) {
        MediaItem item = media.get(id);
        staff.require(Permission.UPLOAD_MEDIA, Permission.MANAGE_MEDIA, item.uploaderId());
        Map<String, String> typed = detailsOf(params);
        try {
            media.updateDetails(id, typed.get("alt"), typed.get("caption"), typed.get("credit"));
        } catch (ValidationException e) {
            return itemPage(staff, item, StaffForm.refused(typed, e), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return pages.redirect("/newsroom/media/" + id, "Saved the details of " + item.filename() + ".");
    }

    @PostMapping("/newsroom/media/" + ID + "/delete")
    ModelAndView delete(Staff staff, @PathVariable long id) {
        MediaItem item = media.get(id);
        staff.require(Permission.UPLOAD_MEDIA, Permission.MANAGE_MEDIA, item.uploaderId());
        try {
            media.delete(id);
        } catch (MediaRefused e) {
            return itemPage(staff, item, StaffForm.of(detailsOf(item)).withProblem(e.getMessage()), e.status());
        }
        return pages.redirect("/newsroom/media", "Deleted " + item.filename() + ".");
    }

    /**
     * Images to choose an article's lead image from. With {@code article} (someone who may edit
     * it), each image has a "Use this image" button; without, each shows the id to type into the
     * editor of an article not saved yet.
     */
    @GetMapping("/newsroom/media/picker")
    ModelAndView picker(
            Staff staff,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String article) {
        staff.require(Permission.UPLOAD_MEDIA);
        EditableArticle chosenFor = article == null ? null : editable(staff, articleId(article));
        return pickerPage(staff, q, page, chosenFor, StaffForm.empty(), HttpStatus.OK);
    }

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
            int thumbnailHeight) {}

    /** A page of the picker, for the editor's script: newest first, as on the page. */
    record Picks(List<Pick> images, int page, boolean hasNewer, boolean hasOlder, String count) {}

    @GetMapping(value = "/newsroom/media/picker", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Picks> pickerJson(
            Staff staff, @RequestParam(required = false) String q, @RequestParam(required = false) String page) {
        staff.require(Permission.UPLOAD_MEDIA);
        MediaLibraryView view = view(q, page, StaffForm.empty(), "/newsroom/media/picker");
        List<Pick> images = view.page().items().stream()
                .map(i -> new Pick(
                        i.id(),
                        i.filename(),
                        i.width(),
                        i.height(),
                        i.alt(),
                        i.caption(),
                        i.credit(),
                        i.thumbnail().url(),
                        i.thumbnail().width(),
                        i.thumbnail().height()))
                .toList();
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new Picks(
                        images,
                        view.page().page(),
                        view.page().hasNewer(),
                        view.page().hasOlder(),
                        view.count()));
    }

    /**
     * "Use this image": makes library image {@code media} the article's lead image and saves the
     * article (a new version). A newly chosen image brings its alt text, caption and credit from
     * the library; choosing the current one again changes nothing. Refused (422, the picker
     * again) for an image that is gone or has no alt text.
     */
    @PostMapping("/newsroom/articles/" + ID + "/lead-image")
    ModelAndView useImage(Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String media) {
        EditableArticle article = editable(staff, id);
        MediaItem item = parseId(media).flatMap(this.media::findById).orElse(null);
        if (item == null) {
            return refusedChoice(staff, article, "That image is no longer in the library. Choose another.");
        }
        ArticleForm form = article.form();
        LeadImage current = form.image();
        LeadImage chosen = current != null && current.hasMediaId() && current.mediaId() == item.id()
                ? current
                : LeadImage.fromLibrary(item.image(), "", "", "");
        try {
            articles.save(id, form.withImage(chosen), article.version(), staff.id(), List.of());
        } catch (ArticleEditConflict e) {
            return refusedChoice(
                    staff,
                    desk.forEditing(id),
                    "Someone saved the article at that moment. " + "Nothing was changed; choose the image again.");
        } catch (ValidationException e) {
            boolean noAlt = e.problems().stream().anyMatch(p -> p.field().equals("image.alt"));
            return refusedChoice(
                    staff,
                    article,
                    noAlt
                            ? item.filename()
                                    + " has no alt text yet. Add it on the image's page in the library, or type the "
                                    + "image's id and its alt text in the editor."
                            : "The article could not be saved: "
                                    + e.problems().get(0).message() + ".");
        }
        return pages.redirect(
                NewsroomUrls.article(id) + "#lead-image",
                "Lead image set to " + item.filename() + ". Check its alt text, caption and credit.");
    }

    private EditableArticle editable(Staff staff, long articleId) {
        EditableArticle article = desk.forEditing(articleId);
        ArticleEditorAccess.require(ArticleEditorAccess.of(staff, article).edit(), "edit");
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
        return pickerPage(
                staff, null, null, article, StaffForm.empty().withProblem(problem), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private ModelAndView pickerPage(
            Staff staff, String q, String page, EditableArticle article, StaffForm form, HttpStatus status) {
        String path = article == null ? "/newsroom/media/picker" : "/newsroom/media/picker?article=" + article.id();
        MediaPickerView view = new MediaPickerView(view(q, page, StaffForm.empty(), path), article, form);
        return pages.render(
                staff,
                "newsroom/media-picker",
                article == null ? "Choose an image" : "Choose a lead image",
                article == null ? "media" : "articles",
                Map.of("view", view),
                status);
    }

    private ModelAndView libraryPage(Staff staff, String q, String page, StaffForm form, HttpStatus status) {
        return pages.render(
                staff,
                "newsroom/media-library",
                "Media",
                "media",
                Map.of("view", view(q, page, form, "/newsroom/media")),
                status);
    }

    private MediaLibraryView view(String q, String page, StaffForm form, String path) {
        String query = q == null ? "" : q.strip();
        MediaPage results = media.list(query, page == null ? 1 : PageNumber.parse(page), PAGE_SIZE);
        Pagination pagination = new Pagination(
                results.page(),
                results.hasNewer() ? pageUrl(path, query, results.page() - 1) : null,
                results.hasOlder() ? pageUrl(path, query, results.page() + 1) : null);
        return new MediaLibraryView(results, query, form, pagination, settings.maxUploadSizeText());
    }

    private ModelAndView itemPage(Staff staff, MediaItem item, StaffForm form, HttpStatus status) {
        String uploader = item.uploaderId() == null
                ? null
                : accounts.findAccount(item.uploaderId())
                        .map(StaffAccount::name)
                        .orElse(null);
        boolean canEdit = staff.can(Permission.UPLOAD_MEDIA, Permission.MANAGE_MEDIA, item.uploaderId());
        return pages.render(
                staff,
                "newsroom/media-item",
                item.filename(),
                "media",
                Map.of("view", new MediaLibraryView.Item(item, uploader, dates.of(item.created()), canEdit, form)),
                status);
    }

    private static String pageUrl(String path, String query, int page) {
        StringBuilder url = new StringBuilder(path);
        String separator = path.contains("?") ? "&" : "?";
        if (!query.isEmpty()) {
            url.append("?q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
            separator = "&";
        }
        if (page > 1) {
            url.append(separator).append("page=").append(page);
        }
        return url.toString();
    }

    private static Map<String, String> detailsOf(Map<String, String> params) {
        Map<String, String> typed = new HashMap<>();
        for (String field : List.of("alt", "caption", "credit")) {
            typed.put(field, params.getOrDefault(field, ""));
        }
        return typed;
    }

    private static Map<String, String> detailsOf(MediaItem item) {
        return Map.of("alt", item.alt(), "caption", item.caption(), "credit", item.credit());
    }
}

package org.broadsheet.newsroom;

import java.io.IOException;
import java.io.InputStream;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.account.StaffAccount;
import org.broadsheet.media.MediaDetails;
import org.broadsheet.media.MediaItem;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.media.MediaRefused;
import org.broadsheet.media.MediaUploads;
import org.broadsheet.web.Dates;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The media library: every upload with a thumbnail, search and pages; the upload form
 * (multipart, works without JavaScript); and each image's page, where its uploader or an
 * editor changes its alt text, caption and credit or deletes it. Everyone on the staff may
 * upload and look; contributors and authors change and delete only their own uploads, editors
 * anyone's. Choosing an image for an article is {@link MediaPickerController}'s.
 */
@Controller
record MediaLibraryController(
        NewsroomPages pages,
        MediaLibraryViews views,
        MediaLibrary media,
        MediaUploads uploads,
        AccountService accounts,
        Dates dates) {

    private static final String ITEM = NewsroomUrls.MEDIA + "/" + NewsroomUrls.ID;

    @GetMapping(NewsroomUrls.MEDIA)
    ModelAndView library(
            Staff staff, @RequestParam(required = false) String q, @RequestParam(required = false) String page) {
        staff.require(Permission.UPLOAD_MEDIA);
        return libraryPage(staff, q, page, StaffForm.empty());
    }

    /**
     * An upload: 303 to the new image's page; or the library again with the details typed and
     * the reason beside the file field: 422 for a missing file or details the rules refuse, the
     * refusal's own status for a file refused (413, 415, 422), 400 for an upload cut short.
     */
    @PostMapping(NewsroomUrls.MEDIA)
    ModelAndView upload(Staff staff, @RequestParam(required = false) MultipartFile file, MediaDetails details) {
        staff.require(Permission.UPLOAD_MEDIA);
        return pages.submit(
                details,
                () -> {
                    if (file == null || file.isEmpty()) {
                        throw ValidationException.of("file", "Choose an image file to upload");
                    }
                    try (InputStream content = file.getInputStream()) {
                        MediaItem item = uploads.upload(
                                file.getOriginalFilename(),
                                content,
                                staff.id(),
                                details.alt(),
                                details.caption(),
                                details.credit());
                        return pages.redirect(NewsroomUrls.media(item.id()), uploaded(item));
                    } catch (MediaRefused e) {
                        return refusedFile(staff, details, e.getMessage(), e.status());
                    } catch (IOException e) {
                        return refusedFile(staff, details, null, HttpStatus.BAD_REQUEST);
                    }
                },
                refused -> libraryPage(staff, null, null, refused));
    }

    @GetMapping(ITEM)
    ModelAndView item(Staff staff, @PathVariable long id) {
        staff.require(Permission.UPLOAD_MEDIA);
        MediaItem item = media.get(id);
        return itemPage(staff, item, StaffForm.of(details(item)));
    }

    @PostMapping(ITEM)
    ModelAndView updateDetails(Staff staff, @PathVariable long id, MediaDetails details) {
        MediaItem item = media.get(id);
        staff.require(Permission.UPLOAD_MEDIA, Permission.MANAGE_MEDIA, item.uploaderId());
        return pages.submit(
                details,
                () -> media.updateDetails(id, details.alt(), details.caption(), details.credit()),
                NewsroomUrls.media(id),
                "Saved the details of " + item.filename() + ".",
                refused -> itemPage(staff, item, refused));
    }

    /** An image that an article uses as its lead image is not deleted: its page again says why. */
    @PostMapping(ITEM + "/delete")
    ModelAndView delete(Staff staff, @PathVariable long id) {
        MediaItem item = media.get(id);
        staff.require(Permission.UPLOAD_MEDIA, Permission.MANAGE_MEDIA, item.uploaderId());
        try {
            media.delete(id);
        } catch (MediaRefused e) {
            ModelAndView page =
                    itemPage(staff, item, StaffForm.of(details(item)).withProblem(e.getMessage()));
            page.setStatus(e.status());
            return page;
        }
        return pages.redirect(NewsroomUrls.MEDIA, "Deleted " + item.filename() + ".");
    }

    private static String uploaded(MediaItem item) {
        return "Uploaded " + item.filename() + "."
                + (item.hasAlt() ? "" : " Add alt text before using it in an article.");
    }

    /** The library again with the details typed and why the file was refused (null: it did not arrive whole). */
    private ModelAndView refusedFile(Staff staff, MediaDetails typed, String reason, HttpStatusCode status) {
        StaffForm form = reason == null
                ? StaffForm.refused(
                        typed, ValidationException.of("file", "The upload did not arrive complete. Nothing was saved."))
                : StaffForm.refused(typed, ValidationException.of("file", reason))
                        .withProblem("The image was not uploaded.");
        ModelAndView page = libraryPage(staff, null, null, form);
        page.setStatus(status);
        return page;
    }

    private ModelAndView libraryPage(Staff staff, String q, String page, StaffForm form) {
        return pages.render(
                staff, "newsroom/media/library", "Media", "media", views.library(q, page, form, NewsroomUrls.MEDIA));
    }

    private ModelAndView itemPage(Staff staff, MediaItem item, StaffForm form) {
        String uploader = item.uploaderId() == null
                ? null
                : accounts.findAccount(item.uploaderId())
                        .map(StaffAccount::name)
                        .orElse(null);
        boolean canEdit = staff.can(Permission.UPLOAD_MEDIA, Permission.MANAGE_MEDIA, item.uploaderId());
        var view = new MediaLibraryView.Item(item, uploader, dates.of(item.created()), canEdit, form);
        return pages.render(staff, "newsroom/media/item", item.filename(), "media", view);
    }

    private static MediaDetails details(MediaItem item) {
        return new MediaDetails(item.alt(), item.caption(), item.credit());
    }
}

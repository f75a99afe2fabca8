package org.broadsheet.newsroom;

import java.util.Locale;
import org.broadsheet.media.MediaItem;
import org.broadsheet.web.DisplayDate;
import org.broadsheet.web.Pagination;
import org.broadsheet.web.ResultPage;

/**
 * The media library's pages.
 *
 * @param query         the search as typed ("" for none)
 * @param form          the upload form as shown again after a refusal, or empty
 * @param maxUploadSize "20 MB", for the form's hint
 */
public record MediaLibraryView(
        ResultPage<MediaItem> page, String query, StaffForm form, Pagination pagination, String maxUploadSize) {

    public boolean isSearch() {
        return !query.isBlank();
    }

    /** "1 image", "24 images". */
    public String count() {
        return String.format(Locale.ENGLISH, "%,d %s", page.total(), page.total() == 1 ? "image" : "images");
    }

    /** One image's page. */
    public record Item(MediaItem item, String uploader, DisplayDate uploaded, boolean canEdit, StaffForm form) {

        /** "1.4 MB", "820 KB". */
        public String size() {
            return MediaLibraryView.size(item.bytes());
        }
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ENGLISH, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ENGLISH, "%,d KB", Math.max(1, (bytes + 1023) / 1024));
    }
}

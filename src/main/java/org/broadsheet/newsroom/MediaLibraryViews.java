package org.broadsheet.newsroom;

import org.broadsheet.media.MediaItem;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.media.MediaSettings;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.PageNumber;
import org.broadsheet.web.ResultPage;
import org.springframework.stereotype.Component;

/** A page of the library as the library page and the picker list it, with its search and pages. */
@Component
record MediaLibraryViews(MediaLibrary media, MediaSettings settings) {

    static final int PAGE_SIZE = 24;

    /**
     * Page {@code page} (null: the first; not a number: 404) of the images matching {@code q},
     * newest first, with links to the pages around it at {@code path} ({@code ?article=…} kept).
     */
    MediaLibraryView library(String q, String page, StaffForm form, String path) {
        String query = q == null ? "" : q.strip();
        ResultPage<MediaItem> results = media.list(query, page == null ? 1 : PageNumber.parse(page), PAGE_SIZE);
        return new MediaLibraryView(
                results,
                query,
                form,
                results.pagination(n -> NewsroomUrls.search(path, query.isEmpty() ? null : query, n)),
                settings.maxUploadSizeText());
    }
}

package org.broadsheet.newsroom;

import org.broadsheet.article.EditableArticle;
import org.broadsheet.article.LeadImage;
import org.broadsheet.media.MediaItem;
import org.broadsheet.web.NewsroomUrls;

/**
 * The media picker: library images to choose an article's lead image from.
 *
 * @param library the page of images, with its search and pages
 * @param article the article whose lead image each "Use this image" button sets, or null: then
 *                the picker shows each image's id, to type into the editor of a new article
 * @param form    a refused choice's message, or empty
 */
public record MediaPickerView(MediaLibraryView library, EditableArticle article, StaffForm form) {

    public boolean forArticle() {
        return article != null;
    }

    /** Where "Use this image" posts. */
    public String useUrl() {
        return NewsroomUrls.article(article.id()) + "/lead-image";
    }

    public String editorUrl() {
        return NewsroomUrls.article(article.id());
    }

    /** Whether this image is the article's lead image now. */
    public boolean isCurrent(MediaItem item) {
        LeadImage image = article == null ? null : article.form().image();
        return image != null && image.hasMediaId() && image.mediaId() == item.id();
    }
}

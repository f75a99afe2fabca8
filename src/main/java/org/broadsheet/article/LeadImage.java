package org.broadsheet.article;

/**
 * The picture at the top of an article.
 *
 * @param path    where it is served from: a path on this site ("/assets/...", "/media/...")
 * @param alt     what it shows, for people who cannot see it; required
 * @param caption the newspaper caption, may be blank
 * @param credit  who made it, may be blank
 * @param width   intrinsic width in pixels, or null when unknown
 * @param height  intrinsic height in pixels, or null when unknown
 */
public record LeadImage(String path, String alt, String caption, String credit, Integer width, Integer height) {

    public boolean hasCaption() {
        return caption != null && !caption.isBlank();
    }

    public boolean hasCredit() {
        return credit != null && !credit.isBlank();
    }
}

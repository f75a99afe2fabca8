package org.broadsheet.article;

import org.broadsheet.media.MediaImage;

/**
 * The picture at the top of an article: a path on this site (the demo's pictures), or an
 * image from the media library, whose renditions pages then offer through {@code srcset}.
 *
 * @param path    where it is served from: a path on this site ("/assets/...", "/media/...");
 *                for a library image, its default rendition
 * @param alt     what it shows, for people who cannot see it; required
 * @param caption the newspaper caption, may be blank
 * @param credit  who made it, may be blank
 * @param width   intrinsic width in pixels (of {@code path}), or null when unknown
 * @param height  intrinsic height in pixels (of {@code path}), or null when unknown
 * @param mediaId the library image it is, or null for a picture given by path
 * @param srcset  the library image's renditions for {@code srcset}, filled in when articles are
 *                read ({@link ArticleReader}); null otherwise, and never stored
 */
public record LeadImage(
        String path,
        String alt,
        String caption,
        String credit,
        Integer width,
        Integer height,
        Long mediaId,
        String srcset) {

    public static final int PATH_MAX = 500;
    public static final int ALT_MAX = 300;
    public static final int CAPTION_MAX = 500;
    public static final int CREDIT_MAX = 200;
    /** The widest or tallest size in pixels an image may claim. */
    public static final int SIDE_MAX = 20_000;

    /** A picture given by path (not from the library). */
    public LeadImage(String path, String alt, String caption, String credit, Integer width, Integer height) {
        this(path, alt, caption, credit, width, height, null, null);
    }

    /**
     * A library image as an article's lead image. The article keeps its own alt text, caption
     * and credit; each one left blank here is taken from the library.
     */
    public static LeadImage fromLibrary(MediaImage image, String alt, String caption, String credit) {
        return new LeadImage(
                image.src(),
                orElse(alt, image.alt()),
                orElse(caption, image.caption()),
                orElse(credit, image.credit()),
                image.width(),
                image.height(),
                image.mediaId(),
                null);
    }

    /** This library image with its current renditions from the library. */
    LeadImage withSources(MediaImage image) {
        return new LeadImage(image.src(), alt, caption, credit, image.width(), image.height(), mediaId, image.srcset());
    }

    public boolean hasCaption() {
        return caption != null && !caption.isBlank();
    }

    public boolean hasCredit() {
        return credit != null && !credit.isBlank();
    }

    public boolean hasMediaId() {
        return mediaId != null;
    }

    private static String orElse(String own, String library) {
        return own == null || own.isBlank() ? library : own;
    }
}

package org.broadsheet.media;

/**
 * What a page needs to show a library image without layout shift:
 * {@code <img src srcset sizes width height alt>}. The page supplies {@code sizes}, since
 * only its layout knows how wide the image is drawn.
 *
 * @param src     the rendition for browsers that ignore {@code srcset}
 * @param srcset  every rendition with its width ({@code "/media/…/480.jpg 480w, …"})
 * @param width   the width of {@code src}; with {@code height}, the image's aspect ratio
 * @param alt     the library's alt text (may be blank: a page using the image must supply one)
 */
public record MediaImage(
        long mediaId, String src, String srcset, int width, int height, String alt, String caption, String credit) {

    /** The widest rendition named in {@code src}, when there is one that narrow. */
    public static final int DEFAULT_WIDTH = 960;
}

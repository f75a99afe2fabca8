package org.broadsheet.media;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An image in the library.
 *
 * @param filename    the name it was uploaded under, for people (never used for storage)
 * @param width       as shown, after the EXIF orientation
 * @param bytes       the size of the stored original
 * @param uploaderId  the staff member who uploaded it, or null when unknown
 * @param originalUrl the stored original (location metadata removed)
 * @param renditions  resized copies for pages, narrowest first; never wider than the original
 */
public record MediaItem(
        long id,
        String filename,
        ImageType type,
        int width,
        int height,
        long bytes,
        String alt,
        String caption,
        String credit,
        Long uploaderId,
        Instant created,
        String originalUrl,
        List<Rendition> renditions) {

    /** A resized copy of an image: JPEG, or PNG when the image has transparent parts. */
    public record Rendition(int width, int height, String url) {}

    public MediaItem {
        renditions = List.copyOf(renditions);
    }

    /** The narrowest rendition, for thumbnails. */
    public Rendition thumbnail() {
        return renditions.get(0);
    }

    /** The rendition a page names in {@code src}: the widest up to {@value MediaImage#DEFAULT_WIDTH} pixels. */
    public Rendition defaultRendition() {
        Rendition chosen = renditions.get(0);
        for (Rendition r : renditions) {
            if (r.width() <= MediaImage.DEFAULT_WIDTH) {
                chosen = r;
            }
        }
        return chosen;
    }

    /** Every rendition as an HTML {@code srcset}: {@code "/media/…/480.jpg 480w, …"}. */
    public String srcset() {
        return renditions.stream().map(r -> r.url() + " " + r.width() + "w").collect(Collectors.joining(", "));
    }

    /** What a page needs to show this image. */
    public MediaImage image() {
        Rendition src = defaultRendition();
        return new MediaImage(id, src.url(), srcset(), src.width(), src.height(), alt, caption, credit);
    }

    public boolean hasAlt() {
        return !alt.isBlank();
    }
}

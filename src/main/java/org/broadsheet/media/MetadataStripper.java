package org.broadsheet.media;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Copies an uploaded original without the metadata that can tell where, when or by whom a
 * picture was taken (EXIF, with its GPS block, XMP, IPTC, comments), losslessly: the picture
 * data is copied byte for byte. Each format walks its own structure by allow-list: what is kept
 * is listed in {@link JpegStripper}, {@link PngStripper}, {@link WebpStripper} and
 * {@link GifStripper}, everything else goes, and so does anything after the format's end. A file
 * whose structure is broken is refused as damaged.
 */
final class MetadataStripper {

    private MetadataStripper() {}

    /**
     * Writes {@code in} to {@code out} without its location metadata.
     *
     * @return the EXIF orientation of a JPEG (1 to 8), {@link JpegStripper#UPRIGHT} for anything else
     * @throws MediaRefused (damaged) when the file's structure is broken
     */
    static int strip(ImageType type, Path in, Path out) throws IOException {
        try {
            switch (type) {
                case JPEG -> {
                    return JpegStripper.strip(in, out);
                }
                case PNG -> PngStripper.strip(in, out);
                case WEBP -> WebpStripper.strip(in, out);
                case GIF -> GifStripper.strip(in, out);
            }
            return JpegStripper.UPRIGHT;
        } catch (EOFException e) {
            throw MediaRefused.damaged(type); // the file ended inside a structure it announced
        }
    }
}

package org.broadsheet.media;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * An upload or a deletion was refused for a reason that is not a form field's fault; nothing
 * was stored or removed. {@link #status()} is the HTTP status to answer with and the message
 * says what happened, for people.
 */
public final class MediaRefused extends RuntimeException {

    private final HttpStatus status;

    private MediaRefused(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    static MediaRefused notAnImage() {
        return new MediaRefused(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "That file is not a JPEG, PNG, WebP or GIF image. Nothing was saved.");
    }

    static MediaRefused tooLarge(String limit) {
        return new MediaRefused(
                HttpStatus.CONTENT_TOO_LARGE,
                "That file is larger than the " + limit + " this site accepts. Nothing was saved.");
    }

    static MediaRefused tooManyPixels(long width, long height, long maxPixels, int maxSide) {
        return new MediaRefused(
                HttpStatus.UNPROCESSABLE_CONTENT,
                String.format(
                        Locale.ENGLISH,
                        "That image says it is %,d × %,d pixels; this site accepts at most %,d megapixels and %,d pixels "
                                + "a side. Nothing was saved.",
                        width,
                        height,
                        maxPixels / 1_000_000,
                        maxSide));
    }

    static MediaRefused damaged(ImageType type) {
        return new MediaRefused(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "That file starts like a " + type.label()
                        + " image but could not be read; it may be damaged or cut short. Nothing was saved.");
    }

    static MediaRefused incomplete() {
        return new MediaRefused(HttpStatus.BAD_REQUEST, "The upload did not arrive complete. Nothing was saved.");
    }

    static MediaRefused inUse() {
        return new MediaRefused(
                HttpStatus.CONFLICT,
                "This image is an article's lead image. Choose another image for that article first. Nothing was deleted.");
    }
}

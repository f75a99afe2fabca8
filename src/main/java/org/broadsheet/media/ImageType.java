package org.broadsheet.media;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of image the library accepts, recognised by their first bytes, never by name or header. */
public enum ImageType {
    JPEG("image/jpeg", "jpg", "JPEG"),
    PNG("image/png", "png", "PNG"),
    WEBP("image/webp", "webp", "WebP"),
    GIF("image/gif", "gif", "GIF");

    /** How many leading bytes {@link #sniff} needs. */
    static final int HEAD_LENGTH = 12;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String contentType;
    private final String extension;
    private final String label;

    ImageType(String contentType, String extension, String label) {
        this.contentType = contentType;
        this.extension = extension;
        this.label = label;
    }

    public String contentType() {
        return contentType;
    }

    /** The file name extension of stored files of this type, without the dot. */
    public String extension() {
        return extension;
    }

    /** The name people know the format by: "JPEG", "WebP". */
    public String label() {
        return label;
    }

    /** The type whose signature {@code head} starts with (at least {@link #HEAD_LENGTH} bytes), or empty. */
    static Optional<ImageType> sniff(byte[] head) {
        if (startsWith(head, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, "GIF87a".getBytes()) || startsWith(head, 0, "GIF89a".getBytes())) {
            return Optional.of(GIF);
        }
        if (startsWith(head, 0, "RIFF".getBytes()) && startsWith(head, 8, "WEBP".getBytes())) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** The type whose stored-file extension is {@code extension}, or empty. */
    static Optional<ImageType> fromExtension(String extension) {
        return Arrays.stream(values())
                .filter(t -> t.extension.equals(extension))
                .findFirst();
    }

    private static boolean startsWith(byte[] data, int offset, byte... prefix) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

package org.broadsheet.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The library's files in {@link MediaStorage}, and the one owner of their names. An image's
 * files share a random key: {@code original.jpg} and one {@code {width}.jpg} (or {@code .png})
 * per rendition, stored as {@code {xy}/{key}/{name}} ({@code xy} being the key's first two
 * letters) and served at {@code /media/{key}/{name}}. A key is never reused and its files never
 * change, so they may be served as immutable. Thread-safe.
 */
@Component
class MediaFiles {

    /** Storage keys of one image: 26 base32 characters (130 random bits). */
    private static final Pattern KEY = Pattern.compile("[a-z2-7]{26}");

    private static final Pattern FILE = Pattern.compile("(original|[1-9][0-9]{0,4})\\.(jpg|png|webp|gif)");
    /** A storage key this class makes ({@link #storageKey}): group 2 is the image's key. */
    private static final Pattern STORED = Pattern.compile("([a-z2-7]{2})/(\\1[a-z2-7]{24})/" + FILE.pattern());

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Logger log = LoggerFactory.getLogger(MediaFiles.class);

    private final MediaStorage storage;
    private final SecureRandom random = new SecureRandom();

    MediaFiles(MediaStorage storage) {
        this.storage = storage;
    }

    /** A file being served: its type and its open content (close it). */
    record MediaFile(ImageType type, MediaStorage.Stored stored) {}

    /** A new random image key, unguessable so that the pictures of an embargoed story cannot be found by counting. */
    String newKey() {
        char[] key = new char[26];
        for (int i = 0; i < key.length; i++) {
            key[i] = BASE32[random.nextInt(BASE32.length)];
        }
        return new String(key);
    }

    static String originalName(ImageType type) {
        return "original." + type.extension();
    }

    static String renditionName(int width, ImageType type) {
        return width + "." + type.extension();
    }

    /** Where a file of the image with this key is stored: spread over directories by the key's first two letters. */
    static String storageKey(String key, String name) {
        return key.substring(0, 2) + "/" + key + "/" + name;
    }

    /** Where a file of the image with this key is served. */
    static String url(String key, String name) {
        return "/media/" + key + "/" + name;
    }

    /** The storage keys of every file of the image in {@code row}. */
    static List<String> storageKeys(MediaRow row) {
        return Stream.concat(
                        Stream.of(originalName(row.type())),
                        row.renditionWidths().stream().map(w -> renditionName(w, row.renditionType())))
                .map(name -> storageKey(row.storageKey(), name))
                .toList();
    }

    /** The image key in a storage key of {@link #forEachLibraryFile}. */
    static String imageKey(String storageKey) {
        Matcher stored = STORED.matcher(storageKey);
        if (!stored.matches()) {
            throw new IllegalArgumentException("Not a library file: " + storageKey);
        }
        return stored.group(2);
    }

    /** Stores {@code file} under {@code storageKey}. */
    void put(String storageKey, Path file) throws IOException {
        storage.put(storageKey, file);
    }

    /**
     * A stored file for {@code GET /media/{key}/{name}}, or empty for anything that is not
     * one (including malformed keys and names, so no path can reach outside the store).
     */
    Optional<MediaFile> open(String key, String name) {
        Matcher file = FILE.matcher(name == null ? "" : name);
        if (key == null || !KEY.matcher(key).matches() || !file.matches()) {
            return Optional.empty();
        }
        ImageType type = ImageType.fromExtension(file.group(2)).orElseThrow();
        try {
            return storage.open(storageKey(key, name)).map(stored -> new MediaFile(type, stored));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Calls {@code each} with the storage key of every stored file named as this class names
     * files and last written before {@code writtenBefore}; anything else in the store is skipped.
     */
    void forEachLibraryFile(Instant writtenBefore, Consumer<String> each) {
        try {
            storage.list(listed -> {
                if (listed.lastModified().isBefore(writtenBefore)
                        && STORED.matcher(listed.key()).matches()) {
                    each.accept(listed.key());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the stored media files", e);
        }
    }

    /** Deletes a stored file; a failure is logged, not thrown, since what is left is swept later. */
    void deleteQuietly(String storageKey) {
        try {
            storage.delete(storageKey);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete media file {}: {}", storageKey, e.toString());
        }
    }
}

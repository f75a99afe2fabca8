package org.broadsheet.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Where uploaded files and their renditions are kept, by key. Keys are relative paths of
 * lower-case letters, digits, dots and hyphens ({@code "ab/abcdef.../960.jpg"}); no segment
 * starts with a dot, so none can climb out of the store. The file system implementation is
 * {@link FileSystemMediaStorage}, the object store's (S3 and compatible servers) {@link
 * S3MediaStorage}.
 * Implementations are safe for use by many threads and many nodes sharing one store.
 */
public interface MediaStorage {

    Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}(/[a-z0-9][a-z0-9.-]{0,99}){0,5}");

    /** A stored object, open for reading: close the stream. */
    record Stored(InputStream content, long size) {}

    /**
     * Stores {@code content} under {@code key}, replacing what was there. Readers see either
     * nothing or the whole object, never a part of it.
     */
    void put(String key, InputStream content) throws IOException;

    /**
     * Stores the file {@code file} under {@code key}, as {@link #put(String, InputStream)} does;
     * a store that gains from knowing the length first (an object store) overrides it.
     */
    default void put(String key, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            put(key, in);
        }
    }

    /** The object under {@code key}, or empty when there is none. */
    Optional<Stored> open(String key) throws IOException;

    /** Removes the object under {@code key}; nothing happens when there is none. */
    void delete(String key) throws IOException;

    /** An object in the store: its key and when it was written. */
    record Listed(String key, Instant lastModified) {}

    /**
     * Calls {@code each} once for every object in the store, in no particular order. Objects
     * put or deleted while the listing runs may or may not be seen; an object that vanishes
     * meanwhile is skipped, not an error. Only objects under well-formed keys are listed, and
     * only objects of the store itself (a file system store lists neither symbolic links nor
     * anything behind them).
     */
    void list(Consumer<Listed> each) throws IOException;

    /** Throws {@link IllegalArgumentException} unless {@code key} is a well-formed key. */
    static String requireValidKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a media key: " + key);
        }
        return key;
    }
}

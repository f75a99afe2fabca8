package org.broadsheet.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.broadsheet.account.Role;
import org.broadsheet.media.FileSystemMediaStorage;
import org.broadsheet.media.MediaItem;
import org.broadsheet.media.MediaStorage;
import org.broadsheet.media.MediaUploads;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Images in the media library for tests, uploaded through the real pipeline ({@link
 * MediaUploads}: size and type checks, location metadata stripped, renditions, files first and
 * the row last) from pictures {@link TestImages} makes; and a look at what the library keeps. A
 * test gets its own instance ({@code @Autowired Images images}) and so its own uploader, a
 * contributor made on first use.
 *
 * <p>A row rolls back with the test's transaction; its files stay on disk, under a new random
 * key that no other test can meet. {@link #rows()} and {@link #files()} count the whole library:
 * compare them before and after within one test.
 * <pre>
 * MediaItem photo = images.jpeg(1600, 900, "Cranes at dusk");
 * MediaItem chart = images.upload("chart.png", TestImages.png(600, 400), "");
 * byte[] original = images.stored(chart.originalUrl());
 * </pre>
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class Images {

    private final MediaUploads uploads;
    private final MediaStorage storage;
    private final JdbcClient jdbc;
    private final StaffMembers staff;
    private Long uploader;

    Images(MediaUploads uploads, MediaStorage storage, JdbcClient jdbc, StaffMembers staff) {
        this.uploads = uploads;
        this.storage = storage;
        this.jdbc = jdbc;
        this.staff = staff;
    }

    /** A generated JPEG of this size, uploaded under a unique file name. */
    public MediaItem jpeg(int width, int height, String alt) {
        return upload(Unique.slug("photo") + ".jpg", TestImages.jpeg(width, height), alt);
    }

    /** A generated opaque PNG of this size, uploaded under a unique file name. */
    public MediaItem png(int width, int height, String alt) {
        return upload(Unique.slug("chart") + ".png", TestImages.png(width, height), alt);
    }

    /** A generated WebP of this size in one colour, uploaded under a unique file name. */
    public MediaItem webp(int width, int height, String alt) {
        return upload(Unique.slug("sky") + ".webp", TestImages.webp(width, height, 0xFF336699), alt);
    }

    /** A generated GIF of this size, uploaded under a unique file name. */
    public MediaItem gif(int width, int height, String alt) {
        return upload(Unique.slug("flag") + ".gif", TestImages.gif(width, height), alt);
    }

    /** Uploads {@code bytes} by this fixture's {@link #uploader()}, without caption or credit. */
    public MediaItem upload(String filename, byte[] bytes, String alt) {
        return upload(filename, bytes, alt, uploader());
    }

    /** Uploads {@code bytes} by this fixture's {@link #uploader()}, with a caption and a credit. */
    public MediaItem upload(String filename, byte[] bytes, String alt, String caption, String credit) {
        return uploads.upload(filename, new ByteArrayInputStream(bytes), uploader(), alt, caption, credit);
    }

    /** Uploads {@code bytes} by the staff member {@code uploaderId}, without caption or credit. */
    public MediaItem upload(String filename, byte[] bytes, String alt, long uploaderId) {
        return upload(filename, new ByteArrayInputStream(bytes), alt, uploaderId);
    }

    /** Uploads what {@code content} holds (read to its end) by the staff member {@code uploaderId}. */
    public MediaItem upload(String filename, InputStream content, String alt, long uploaderId) {
        return uploads.upload(filename, content, uploaderId, alt, "", "");
    }

    /** The id of the contributor this fixture uploads as, made on first use. */
    public long uploader() {
        if (uploader == null) {
            uploader = staff.create(Role.CONTRIBUTOR).staff().id();
        }
        return uploader;
    }

    /** The bytes stored behind a {@code /media/{key}/{name}} URL; fails when there are none. */
    public byte[] stored(String url) {
        String[] parts = url.split("/");
        String key = parts[2];
        String storageKey = key.substring(0, 2) + "/" + key + "/" + parts[3];
        try {
            MediaStorage.Stored file =
                    storage.open(storageKey).orElseThrow(() -> new AssertionError("Nothing is stored at " + url));
            try (InputStream in = file.content()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many images the library holds, as this test's transaction sees it. */
    public long rows() {
        return jdbc.sql("select count(*) from media").query(Long.class).single();
    }

    /** How many files there are below the media directory, temporary ones included. */
    public long files() {
        try (Stream<Path> paths = Files.walk(directory())) {
            return paths.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The media directory of the test site. */
    public Path directory() {
        return ((FileSystemMediaStorage) storage).root();
    }
}

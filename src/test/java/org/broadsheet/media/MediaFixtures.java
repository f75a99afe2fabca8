package org.broadsheet.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Uploaders, uploads and a look at what the library holds, for media tests (made per test class, so they share the one context). */
class MediaFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final JdbcClient jdbc;
    private final MediaUploads uploads;
    private final MediaFiles files;
    private final MediaStorage storage;

    MediaFixtures(JdbcClient jdbc, MediaUploads uploads, MediaFiles files, MediaStorage storage) {
        this.jdbc = jdbc;
        this.uploads = uploads;
        this.files = files;
        this.storage = storage;
    }

    /** A new staff member of this role; returns their id. */
    long staffMember(String role) {
        String email = "media-" + role + "-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet() + "@example.test";
        return jdbc.sql("insert into staff_user (email, name, password_hash, role) values (?, ?, 'x', ?) returning id")
                .params(email, "Photo Desk " + SEQUENCE.get(), role)
                .query(Long.class)
                .single();
    }

    MediaItem upload(String filename, byte[] bytes, String alt) {
        return uploads.upload(filename, new ByteArrayInputStream(bytes), staffMember("contributor"), alt, "", "");
    }

    long rows() {
        return jdbc.sql("select count(*) from media").query(Long.class).single();
    }

    /** Every file below the media directory, temporary ones included. */
    long files() {
        Path root = ((FileSystemMediaStorage) storage).root();
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes stored behind a {@code /media/...} URL. */
    byte[] stored(String url) {
        String[] parts = url.split("/");
        var file = files.open(parts[2], parts[3]).orElseThrow();
        try (var in = file.stored().content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

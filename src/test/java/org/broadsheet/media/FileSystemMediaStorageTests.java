package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file system store lists what it holds, and nothing else; it reads and writes nothing outside its root. */
class FileSystemMediaStorageTests {

    /**
     * Keys that would leave the store's root or its bucket prefix, or name something else than
     * a file of its own: traversal, plain or encoded, backslashes, absolute paths, NUL, hidden
     * names. The S3 store's tests refuse the same.
     */
    static final List<String> HOSTILE_KEYS = List.of(
            "",
            "..",
            "../secret.jpg",
            "ab/../../x.jpg",
            "ab/../../../etc/passwd",
            "%2e%2e/secret.jpg",
            "ab/%2e%2e/%2e%2e/x.jpg",
            "..%2fsecret.jpg",
            "ab\\..\\..\\x.jpg",
            "..\\secret.jpg",
            "/etc/passwd",
            "/ab/x.jpg",
            "C:\\Windows\\win.ini",
            "c:/windows/win.ini",
            "ab/x.jpg\u0000.png",
            "ab\u0000/x.jpg",
            ".hidden",
            "ab/.x",
            ".tmp/put-1.part",
            "AB/x.jpg",
            "ab//x.jpg",
            "ab/./x.jpg",
            "ab/x.jpg/");

    @Test
    void noKeyReadsOrWritesOutsideTheRoot() throws IOException {
        Path root = dir.resolve("media");
        FileSystemMediaStorage storage = new FileSystemMediaStorage(root);
        Files.writeString(dir.resolve("secret.jpg"), "not media");
        storage.put("ab/abc/original.jpg", new ByteArrayInputStream(new byte[] {1}));
        List<Path> before = files(dir);
        for (String key : HOSTILE_KEYS) {
            assertThatThrownBy(() -> storage.put(key, new ByteArrayInputStream(new byte[] {2})))
                    .as(key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> storage.open(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> storage.delete(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(files(dir)).isEqualTo(before);
        assertThat(Files.readString(dir.resolve("secret.jpg"))).isEqualTo("not media");
        assertThat(storage.open("ab/abc/original.jpg"))
                .as("a key of its own still works")
                .isPresent();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.sorted().toList();
        }
    }

    @TempDir
    Path dir;

    @TempDir
    Path outside;

    @Test
    void listingGivesTheKeyAndTimeOfEveryStoredFileAndSkipsTemporaryFilesLinksAndOtherNames() throws IOException {
        FileSystemMediaStorage storage = new FileSystemMediaStorage(dir.resolve("media"));
        Path root = storage.root();
        storage.put("ab/abc/original.jpg", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        storage.put("top.png", new ByteArrayInputStream(new byte[] {4}));
        Instant written = Instant.parse("2024-03-01T10:15:30Z");
        Files.setLastModifiedTime(root.resolve("ab/abc/original.jpg"), FileTime.from(written));
        Files.writeString(root.resolve(".tmp/put-1.part"), "half an upload");
        Files.writeString(root.resolve("README.txt"), "not a key: upper case");
        Files.writeString(outside.resolve("secret.jpg"), "outside the store");
        Files.createDirectories(outside.resolve("inner"));
        Files.writeString(outside.resolve("inner/original.jpg"), "outside the store");
        Files.createSymbolicLink(root.resolve("ab/abc/480.jpg"), outside.resolve("secret.jpg"));
        Files.createSymbolicLink(root.resolve("cd"), outside);

        List<MediaStorage.Listed> listed = new ArrayList<>();
        storage.list(listed::add);

        assertThat(listed)
                .extracting(MediaStorage.Listed::key)
                .containsExactlyInAnyOrder("ab/abc/original.jpg", "top.png");
        assertThat(listed)
                .filteredOn(l -> l.key().equals("ab/abc/original.jpg"))
                .singleElement()
                .extracting(MediaStorage.Listed::lastModified)
                .isEqualTo(written);
    }

    @Test
    void aStoreReachedThroughALinkIsListedBelowIt() throws IOException {
        FileSystemMediaStorage real = new FileSystemMediaStorage(outside.resolve("shared"));
        real.put("ab/abc/original.jpg", new ByteArrayInputStream(new byte[] {1}));
        Path link = Files.createSymbolicLink(dir.resolve("media"), outside.resolve("shared"));

        List<String> keys = new ArrayList<>();
        new FileSystemMediaStorage(link).list(l -> keys.add(l.key()));

        assertThat(keys).containsExactly("ab/abc/original.jpg");
    }
}

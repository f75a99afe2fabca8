package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file system store lists what it holds, and nothing else. */
class FileSystemMediaStorageTests {

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

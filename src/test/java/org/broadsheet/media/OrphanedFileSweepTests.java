package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.testkit.Images;
import org.broadsheet.testkit.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Files a crash left without their row are removed once older than the grace period (an hour
 * by default); nothing else in the media directory is touched. The sweep runs for real, over the
 * test site's whole media directory and from several threads, so nothing here rolls back: each
 * test stores files under random keys of its own, makes only those old, and leaves them. Files
 * other tests leave behind are young, so no sweep here removes them.
 */
@BroadsheetTest
class OrphanedFileSweepTests {

    private static final String[] NAMES = {"original.jpg", "480.jpg", "960.jpg", "1600.jpg"};
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    @Autowired
    OrphanedFileSweep sweep;

    @Autowired
    MediaLibrary library;

    @Autowired
    MediaStorage storage;

    @Autowired
    Images images;

    @Autowired
    MediaRepository repository;

    @Autowired
    MediaSettings settings;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path outside;

    private final SecureRandom random = new SecureRandom();

    @Test
    void filesOfAnImageWithoutARowAreRemovedOnceOlderThanTheGracePeriod() {
        String key = newKey();
        List<String> files = storeFiles(key);
        makeOld(files);

        sweep.sweep();

        assertThat(files).noneMatch(this::exists);
        assertThat(root().resolve(key.substring(0, 2) + "/" + key)).doesNotExist();
    }

    @Test
    void filesWithoutARowAreKeptWithinTheGracePeriod() {
        List<String> files = storeFiles(newKey()); // as an upload under way leaves them before its row

        sweep.sweep();

        assertThat(files).allMatch(this::exists);
    }

    @Test
    void filesOfAnImageWithARowAreKeptHoweverOld() {
        MediaItem item = images.png(1000, 500, "");
        List<String> files = filesOf(item);
        assertThat(files).hasSize(4).allMatch(this::exists);
        makeOld(files);

        sweep.sweep();

        assertThat(files).allMatch(this::exists);
        assertThat(images.stored(item.originalUrl())).isNotEmpty();
    }

    @Test
    void onlyFileNamesTheLibraryMakesAreRemovedAndNoLinkIsFollowed() throws IOException {
        String key = newKey();
        String prefix = key.substring(0, 2) + "/" + key + "/";
        String otherPrefix = (key.charAt(0) == 'a' ? "b" : "a") + key.charAt(1) + "/" + key + "/";
        List<String> strays = List.of(
                "README-" + key + ".txt",
                key + "-readme.txt",
                prefix + "notes.txt",
                prefix + "original.jpg.bak",
                prefix + "0.jpg",
                otherPrefix + "original.jpg",
                key + "/original.jpg");
        for (String stray : strays) {
            Path file = root().resolve(stray);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "not the library's");
        }
        // A directory named like a key's and a file named like an image's, both links to elsewhere.
        String linkedKey = newKey();
        Path elsewhere = Files.createDirectories(outside.resolve(linkedKey));
        Files.writeString(elsewhere.resolve("original.jpg"), "outside the media directory");
        Files.createDirectories(root().resolve(linkedKey.substring(0, 2)));
        Files.createSymbolicLink(root().resolve(linkedKey.substring(0, 2) + "/" + linkedKey), elsewhere);
        String linkingKey = newKey();
        Path link = root().resolve(linkingKey.substring(0, 2) + "/" + linkingKey + "/original.jpg");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, elsewhere.resolve("original.jpg"));
        List<Path> all = new ArrayList<>(strays.stream().map(root()::resolve).toList());
        all.add(elsewhere.resolve("original.jpg"));
        all.add(link);
        for (Path path : all) {
            Files.setLastModifiedTime(path, FileTime.from(longAgo()));
        }

        sweep.sweep();

        assertThat(all).allMatch(path -> Files.exists(path, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void twoNodesSweepingTheSameStoreAtOnceRemoveTheOrphansAndKeepWhatIsOwned() throws IOException {
        List<String> orphans = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            orphans.addAll(storeFiles(newKey()));
        }
        MediaItem owned = images.png(1000, 500, "");
        makeOld(orphans);
        makeOld(filesOf(owned));
        // The other node: its own store on the same directory, its own library, the same database.
        MediaLibrary otherNode =
                new MediaLibrary(repository, new MediaFiles(new FileSystemMediaStorage(root())), transactions);
        OrphanedFileSweep otherSweep = new OrphanedFileSweep(otherNode, settings, clock);

        CompletableFuture<Integer> here = CompletableFuture.supplyAsync(sweep::sweep);
        CompletableFuture<Integer> there = CompletableFuture.supplyAsync(otherSweep::sweep);
        CompletableFuture.allOf(here, there).join(); // neither fails

        assertThat(orphans).noneMatch(this::exists);
        assertThat(filesOf(owned)).allMatch(this::exists);
        assertThat(library.findById(owned.id())).isPresent();
    }

    @Test
    void gracePeriodDefaultsToAnHour() {
        assertThat(settings.orphanGrace()).isEqualTo(Duration.ofHours(1));
    }

    private Path root() {
        return images.directory();
    }

    private Instant longAgo() {
        return clock.instant().minus(settings.orphanGrace()).minus(Duration.ofMinutes(5));
    }

    private String newKey() {
        char[] key = new char[26];
        for (int i = 0; i < key.length; i++) {
            key[i] = BASE32[random.nextInt(BASE32.length)];
        }
        return new String(key);
    }

    /** An image's four files, as an upload stores them before inserting its row. */
    private List<String> storeFiles(String key) {
        List<String> files = Stream.of(NAMES)
                .map(name -> key.substring(0, 2) + "/" + key + "/" + name)
                .toList();
        for (String file : files) {
            try {
                storage.put(file, new ByteArrayInputStream(TestImages.jpeg(8, 8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static List<String> filesOf(MediaItem item) {
        Stream<String> urls = Stream.concat(
                Stream.of(item.originalUrl()), item.renditions().stream().map(MediaItem.Rendition::url));
        return urls.map(url -> url.substring("/media/".length()))
                .map(k -> k.substring(0, 2) + "/" + k)
                .toList();
    }

    private void makeOld(List<String> files) {
        for (String file : files) {
            try {
                Files.setLastModifiedTime(root().resolve(file), FileTime.from(longAgo()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private boolean exists(String file) {
        return Files.exists(root().resolve(file), LinkOption.NOFOLLOW_LINKS);
    }
}

package org.broadsheet.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps media as files below one directory ({@code <data-dir>/media}), a key being a path
 * below it. A file is written to {@code .tmp/} first, flushed to disk, then moved into place
 * atomically, so a reader (or a crash) never meets half a file. Leftovers in {@code .tmp/}
 * older than a day are removed on start. Several nodes may share the directory (a network
 * file system): deleting what is already gone is no error, and a directory removed by another
 * node just as a file is put into it is made again.
 */
public class FileSystemMediaStorage implements MediaStorage {

    private static final Logger log = LoggerFactory.getLogger(FileSystemMediaStorage.class);
    private static final Duration STALE = Duration.ofDays(1);
    /** How often a put tries again when another node removed the (empty) directory it was moving into. */
    private static final int PUT_ATTEMPTS = 3;

    private final Path root;
    private final Path temp;

    public FileSystemMediaStorage(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.temp = this.root.resolve(".tmp");
        Files.createDirectories(temp);
        removeStaleTemporaryFiles();
    }

    /** The directory everything is kept under. */
    public Path root() {
        return root;
    }

    @Override
    public void put(String key, InputStream content) throws IOException {
        Path target = resolve(key);
        Path part = Files.createTempFile(temp, "put-", ".part");
        try {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.transferTo(out);
                channel.force(true);
            }
            readableByAll(part); // temporary files start private; a web server in front may serve these
            moveIntoPlace(part, target);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    @Override
    public Optional<Stored> open(String key) throws IOException {
        Path file = resolve(key);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Stored(Channels.newInputStream(channel), channel.size()));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Path file = resolve(key);
        Files.deleteIfExists(file);
        // Empty directories left behind go too (best effort: another upload may be filling one).
        for (Path dir = file.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
            try {
                Files.delete(dir);
            } catch (IOException e) {
                break;
            }
        }
    }

    @Override
    public void list(Consumer<Listed> each) throws IOException {
        Path top =
                root.toRealPath(); // the media directory itself may be a link (to a shared mount); nothing below it is
        // followed
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.equals(top.resolve(".tmp")) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                // Without FOLLOW_LINKS these are the attributes of a link itself: links are neither files nor
                // directories here.
                String key = top.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), "/");
                if (attributes.isRegularFile() && KEY.matcher(key).matches()) {
                    each.accept(new Listed(key, attributes.lastModifiedTime().toInstant()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return skip(file, e);
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                return e == null ? FileVisitResult.CONTINUE : skip(dir, e);
            }
        });
    }

    /** Something that vanished while being listed (another node deleted it) is skipped; so is what cannot be read. */
    private static FileVisitResult skip(Path path, IOException e) {
        if (!(e instanceof NoSuchFileException)) {
            log.warn("Could not list media files in {}: {}", path, e.toString());
        }
        return FileVisitResult.CONTINUE;
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectories(target.getParent());
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (NoSuchFileException e) {
                // A deletion elsewhere removed an empty parent directory between the two calls.
                if (attempt == PUT_ATTEMPTS || !Files.exists(part)) {
                    throw e;
                }
            }
        }
    }

    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    private Path resolve(String key) {
        Path file = root.resolve(MediaStorage.requireValidKey(key)).normalize();
        if (!file.startsWith(root) || file.startsWith(temp)) {
            throw new IllegalArgumentException("Not a media key: " + key);
        }
        return file;
    }

    private void removeStaleTemporaryFiles() {
        Instant before = Instant.now().minus(STALE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(temp)) {
            for (Path file : files) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (attributes.isRegularFile()
                        && attributes.lastModifiedTime().toInstant().isBefore(before)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            log.warn("Could not clear old temporary media files in {}: {}", temp, e.toString());
        }
    }
}

package org.broadsheet.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Adds uploaded images to the library. An upload is checked before anything is kept: its size
 * while it arrives (413 past {@code broadsheet.media.max-upload-size}), its type from its first
 * bytes (415 unless JPEG, PNG, WebP or GIF), the picture size its header claims (422 past the
 * pixel limits, before decoding) and whether it decodes (422). Then its original, stripped of
 * location metadata, and its renditions are stored under a new random key ({@link MediaFiles}),
 * and only then is its row inserted; a failure at any step removes what was stored, so a refused
 * or failed upload leaves no file and no row. At most two uploads decode at a time, to bound
 * memory. Thread-safe.
 */
@Service
public class MediaUploads {

    static final int FILENAME_MAX = 255;

    private static final Logger log = LoggerFactory.getLogger(MediaUploads.class);

    private final MediaRepository repository;
    private final MediaFiles files;
    private final MediaLibrary library;
    private final MediaSettings settings;
    private final ImageProcessor processor;
    private final Semaphore decoding = new Semaphore(2);

    MediaUploads(MediaRepository repository, MediaFiles files, MediaLibrary library, MediaSettings settings) {
        this.repository = repository;
        this.files = files;
        this.library = library;
        this.settings = settings;
        this.processor = new ImageProcessor(settings);
    }

    /**
     * Checks and stores an uploaded image. {@code content} is read to its end (not closed).
     *
     * @param originalFilename the name the file had on the uploader's computer; only shown to people
     * @param uploaderId       the staff member uploading it, or null for an import
     * @param alt              may be blank here; an article using the image must then supply one
     * @return the new image, as {@link MediaLibrary#get} gives it
     * @throws org.broadsheet.web.ValidationException for alt, caption or credit that are too long
     *                                                or hold control characters
     * @throws MediaRefused                          413, 415, 422 or 400 as described above
     */
    public MediaItem upload(
            String originalFilename,
            InputStream content,
            @Nullable Long uploaderId,
            String alt,
            String caption,
            String credit) {
        MediaDetails details = MediaDetails.checked(alt, caption, credit);
        String filename = filename(originalFilename);
        Path work = null;
        try {
            work = Files.createTempDirectory("broadsheet-upload-");
            Path upload = work.resolve("upload");
            receive(content, upload);
            ImageType type = sniff(upload);
            return store(filename, prepare(upload, type, work), uploaderId, details);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an upload", e);
        } finally {
            deleteRecursively(work);
        }
    }

    /** The last part of a file name as browsers send it, without control characters; "image" when empty. */
    static String filename(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = MediaDetails.CONTROL.matcher(name).replaceAll("").strip();
        if (name.length() > FILENAME_MAX) {
            name = name.substring(0, FILENAME_MAX);
        }
        return name.isEmpty() ? "image" : name;
    }

    /** Copies the upload to {@code target}, refusing it as soon as it passes the size limit. */
    private void receive(InputStream content, Path target) throws IOException {
        long max = settings.maxUploadSize().toBytes();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            while (true) {
                int n;
                try {
                    n = content.read(buffer);
                } catch (IOException e) {
                    throw MediaRefused.incomplete();
                }
                if (n < 0) {
                    return;
                }
                total += n;
                if (total > max) {
                    throw MediaRefused.tooLarge(settings.maxUploadSizeText());
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static ImageType sniff(Path upload) throws IOException {
        byte[] head = new byte[ImageType.HEAD_LENGTH];
        int n;
        try (InputStream in = Files.newInputStream(upload)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return ImageType.sniff(Arrays.copyOf(head, n)).orElseThrow(MediaRefused::notAnImage);
    }

    private ImageProcessor.Prepared prepare(Path upload, ImageType type, Path work) throws IOException {
        decoding.acquireUninterruptibly();
        try {
            return processor.prepare(upload, type, work);
        } finally {
            decoding.release();
        }
    }

    /** Files first, the row last: a crash in between leaves only files, which the orphan sweep removes. */
    private MediaItem store(
            String filename, ImageProcessor.Prepared image, @Nullable Long uploaderId, MediaDetails details)
            throws IOException {
        String key = files.newKey();
        List<String> stored = new ArrayList<>();
        try {
            put(MediaFiles.storageKey(key, MediaFiles.originalName(image.type())), image.original(), stored);
            for (ImageProcessor.Rendition r : image.renditions()) {
                String name = MediaFiles.renditionName(r.width(), image.renditionType());
                put(MediaFiles.storageKey(key, name), r.file(), stored);
            }
            long id = repository.insert(
                    key,
                    filename,
                    image,
                    Files.size(image.original()),
                    details.alt(),
                    details.caption(),
                    details.credit(),
                    uploaderId);
            return library.get(id);
        } catch (IOException | RuntimeException e) {
            stored.forEach(files::deleteQuietly);
            throw e;
        }
    }

    private void put(String storageKey, Path file, List<String> stored) throws IOException {
        stored.add(storageKey); // before writing: a failed put may still leave something to remove
        files.put(storageKey, file);
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove the upload work directory {}: {}", dir, e.toString());
        }
    }
}

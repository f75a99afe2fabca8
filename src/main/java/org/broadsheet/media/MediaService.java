package org.broadsheet.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * The media library: uploads, their details, and the files pages show.
 *
 * <p>An upload is checked before anything is kept: its size while it arrives (413 past
 * {@code broadsheet.media.max-upload-size}), its type from its first bytes (415 unless JPEG,
 * PNG, WebP or GIF), the picture size its header claims (422 past the pixel limits, before
 * decoding) and whether it decodes (422). Then its original, stripped of location metadata,
 * and its renditions are stored under a random key, and only then is its row inserted; a
 * failure at any step removes what was stored, so a refused or failed upload leaves no file
 * and no row. At most two uploads decode at a time, to bound memory.
 *
 * <p>Files live at {@code /media/{key}/original.jpg} and {@code /media/{key}/{width}.jpg}
 * (or {@code .png}); their content never changes, so they are served as immutable. Files a
 * crash left without a row are removed later by {@link #removeOrphanedFiles}.
 */
@Service
public class MediaService {

    static final int ALT_MAX = 300;
    static final int CAPTION_MAX = 500;
    static final int CREDIT_MAX = 200;
    static final int FILENAME_MAX = 255;
    static final int QUERY_MAX = 200;
    static final int PAGE_SIZE_MAX = 100;

    /** Storage keys of one image: 26 base32 characters (130 random bits). */
    private static final Pattern KEY = Pattern.compile("[a-z2-7]{26}");

    private static final Pattern FILE = Pattern.compile("(original|[1-9][0-9]{0,4})\\.(jpg|png|webp|gif)");
    /** A storage key this service makes ({@link #storageKey}): group 2 is the image's key. */
    private static final Pattern STORED = Pattern.compile("([a-z2-7]{2})/(\\1[a-z2-7]{24})/" + FILE.pattern());
    /** How many files the orphan sweep checks against the database at once. */
    private static final int SWEEP_BATCH = 500;

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F]");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Logger log = LoggerFactory.getLogger(MediaService.class);

    private final MediaRepository repository;
    private final MediaStorage storage;
    private final MediaSettings settings;
    private final ImageProcessor processor;
    private final Semaphore decoding = new Semaphore(2);
    private final SecureRandom random = new SecureRandom();

    MediaService(MediaRepository repository, MediaStorage storage, MediaSettings settings) {
        this.repository = repository;
        this.storage = storage;
        this.settings = settings;
        this.processor = new ImageProcessor(settings);
    }

    /**
     * Checks and stores an uploaded image. {@code content} is read to its end (not closed).
     *
     * @param originalFilename the name the file had on the uploader's computer; only shown to people
     * @param alt              may be blank here; an article using the image must then supply one
     * @throws org.broadsheet.web.ValidationException for alt, caption or credit that are too long
     *                                                or hold control characters
     * @throws MediaRefused                          413, 415, 422 or 400 as described above
     */
    public MediaItem upload(
            String originalFilename, InputStream content, long uploaderId, String alt, String caption, String credit) {
        Details details = validate(alt, caption, credit);
        String filename = filename(originalFilename);
        Path work = null;
        try {
            work = Files.createTempDirectory("broadsheet-upload-");
            Path upload = work.resolve("upload");
            receive(content, upload);
            ImageType type = sniff(upload);
            ImageProcessor.Prepared prepared;
            decoding.acquireUninterruptibly();
            try {
                prepared = processor.prepare(upload, type, work);
            } finally {
                decoding.release();
            }
            return store(filename, prepared, uploaderId, details);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an upload", e);
        } finally {
            deleteRecursively(work);
        }
    }

    /** The image with this id, if there is one. */
    public Optional<MediaItem> findById(long id) {
        return repository.findById(id).map(this::item);
    }

    /** The image with this id; throws {@link NotFoundException} (404) when there is none. */
    public MediaItem get(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException("No image " + id));
    }

    /** What a page needs to show the image with this id (src, srcset, width, height), if there is one. */
    public Optional<MediaImage> image(long id) {
        return findById(id).map(MediaItem::image);
    }

    /** As {@link #image(long)} for many ids at once; ids without an image are left out. */
    public Map<Long, MediaImage> images(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.findByIds(ids).stream()
                .map(this::item)
                .collect(Collectors.toMap(MediaItem::id, MediaItem::image));
    }

    /**
     * Page {@code page} (from 1) of the library, newest first, of {@code size} images (1 to
     * 100) whose file name, alt text or caption contains {@code query} (ignoring case; blank
     * or null for all). A longer query than 200 characters is cut.
     */
    public MediaPage list(String query, int page, int size) {
        int pageSize = Math.max(1, Math.min(PAGE_SIZE_MAX, size));
        int number = Math.max(1, page);
        String pattern = likePattern(query);
        List<MediaItem> items = repository.search(pattern, pageSize, (long) (number - 1) * pageSize).stream()
                .map(this::item)
                .toList();
        return new MediaPage(items, number, pageSize, repository.count(pattern));
    }

    /**
     * Replaces an image's alt text, caption and credit. Articles already using the image keep
     * their own text. Throws {@link NotFoundException} for an unknown id and
     * {@link org.broadsheet.web.ValidationException} for text too long or with control characters.
     */
    public MediaItem updateDetails(long id, String alt, String caption, String credit) {
        Details details = validate(alt, caption, credit);
        if (!repository.updateDetails(id, details.alt, details.caption, details.credit)) {
            throw new NotFoundException("No image " + id);
        }
        return get(id);
    }

    /**
     * Deletes an image and its files. Throws {@link NotFoundException} for an unknown id and
     * {@link MediaRefused} (409) while an article uses it as its lead image.
     */
    public void delete(long id) {
        MediaRow row = repository.findById(id).orElseThrow(() -> new NotFoundException("No image " + id));
        try {
            if (!repository.delete(id)) {
                throw new NotFoundException("No image " + id);
            }
        } catch (DataIntegrityViolationException e) {
            throw MediaRefused.inUse();
        }
        files(row).forEach(this::deleteQuietly);
    }

    /**
     * A stored file for {@code GET /media/{key}/{name}}, or empty for anything that is not
     * one (including malformed keys and names, so no path can reach outside the store).
     */
    public Optional<MediaFile> file(String key, String name) {
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
     * Removes stored files that no image owns: files under this library's own naming scheme
     * ({@code xy/xy.../original.jpg}, {@code .../960.jpg}) whose key has no row and that were
     * last written before {@code writtenBefore}. They are what a crash leaves between storing an
     * upload's files and inserting its row, or between deleting a row and its files. Anything
     * else in the store is never touched. Safe while uploads and deletions run, and while other
     * nodes sweep the same store: pass a time well before any upload still under way (an
     * upload's files are written, then its row is inserted, within seconds), and since keys are
     * random and never reused, a key without a row then never gets one; deleting what another
     * node has just deleted is no error.
     *
     * @return how many files this call found orphaned and deleted
     */
    public int removeOrphanedFiles(Instant writtenBefore) {
        List<String> orphans = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        try {
            storage.list(listed -> {
                if (listed.lastModified().isBefore(writtenBefore)
                        && STORED.matcher(listed.key()).matches()) {
                    batch.add(listed.key());
                    if (batch.size() == SWEEP_BATCH) {
                        orphans.addAll(withoutRow(batch));
                        batch.clear();
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the stored media files", e);
        }
        orphans.addAll(withoutRow(batch));
        orphans.forEach(this::deleteQuietly); // after the listing, so it never walks what it is deleting
        return orphans.size();
    }

    /** The files among {@code files} (storage keys) whose image has no row. */
    private List<String> withoutRow(List<String> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        Set<String> owned = repository.existingKeys(
                files.stream().map(MediaService::imageKey).distinct().toList());
        return files.stream().filter(file -> !owned.contains(imageKey(file))).toList();
    }

    private static String imageKey(String storageKey) {
        Matcher stored = STORED.matcher(storageKey);
        if (!stored.matches()) {
            throw new IllegalArgumentException("Not a library file: " + storageKey);
        }
        return stored.group(2);
    }

    /** A file being served: its type and its open content (close it). */
    public record MediaFile(ImageType type, MediaStorage.Stored stored) {}

    // ---- upload steps

    private record Details(String alt, String caption, String credit) {}

    private static Details validate(String alt, String caption, String credit) {
        Details d = new Details(clean(alt), clean(caption), clean(credit));
        new Problems()
                .maxLength(d.alt, "alt", "Alt text", ALT_MAX)
                .require(!CONTROL.matcher(d.alt).find(), "alt", "Alt text must not contain control characters")
                .maxLength(d.caption, "caption", "Caption", CAPTION_MAX)
                .require(!CONTROL.matcher(d.caption).find(), "caption", "Caption must not contain control characters")
                .maxLength(d.credit, "credit", "Credit", CREDIT_MAX)
                .require(!CONTROL.matcher(d.credit).find(), "credit", "Credit must not contain control characters")
                .throwIfAny();
        return d;
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    /** The last part of a file name as browsers send it, without control characters; "image" when empty. */
    static String filename(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = CONTROL.matcher(name).replaceAll("").strip();
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
        return ImageType.sniff(java.util.Arrays.copyOf(head, n)).orElseThrow(MediaRefused::notAnImage);
    }

    private MediaItem store(String filename, ImageProcessor.Prepared image, long uploaderId, Details details)
            throws IOException {
        String key = newKey();
        List<String> stored = new ArrayList<>();
        try {
            put(storageKey(key, "original." + image.type().extension()), image.original(), stored);
            for (ImageProcessor.Rendition r : image.renditions()) {
                put(storageKey(key, r.width() + "." + image.renditionType().extension()), r.file(), stored);
            }
            long id = repository.insert(
                    key,
                    filename,
                    image,
                    Files.size(image.original()),
                    details.alt,
                    details.caption,
                    details.credit,
                    uploaderId);
            return get(id);
        } catch (IOException | RuntimeException e) {
            stored.forEach(this::deleteQuietly);
            throw e;
        }
    }

    private void put(String key, Path file, List<String> stored) throws IOException {
        stored.add(key); // before writing: a failed put may still leave something to remove
        try (InputStream in = Files.newInputStream(file)) {
            storage.put(key, in);
        }
    }

    private String newKey() {
        char[] key = new char[26];
        for (int i = 0; i < key.length; i++) {
            key[i] = BASE32[random.nextInt(BASE32.length)];
        }
        return new String(key);
    }

    /** Where a file of the image with this key is stored: spread over directories by the key's first two letters. */
    private static String storageKey(String key, String name) {
        return key.substring(0, 2) + "/" + key + "/" + name;
    }

    private static String url(String key, String name) {
        return "/media/" + key + "/" + name;
    }

    // ---- rows to items

    private MediaItem item(MediaRow row) {
        List<MediaItem.Rendition> renditions = new ArrayList<>();
        for (int i = 0; i < row.renditionWidths().size(); i++) {
            int width = row.renditionWidths().get(i);
            renditions.add(new MediaItem.Rendition(
                    width,
                    row.renditionHeights().get(i),
                    url(row.storageKey(), width + "." + row.renditionType().extension())));
        }
        renditions.sort(Comparator.comparingInt(MediaItem.Rendition::width));
        return new MediaItem(
                row.id(),
                row.filename(),
                row.type(),
                row.width(),
                row.height(),
                row.bytes(),
                row.alt(),
                row.caption(),
                row.credit(),
                row.uploadedBy(),
                row.createdAt(),
                url(row.storageKey(), "original." + row.type().extension()),
                renditions);
    }

    private static List<String> files(MediaRow row) {
        return Stream.concat(
                        Stream.of("original." + row.type().extension()),
                        row.renditionWidths().stream()
                                .map(w -> w + "." + row.renditionType().extension()))
                .map(name -> storageKey(row.storageKey(), name))
                .toList();
    }

    private static String likePattern(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String q = query.strip();
        if (q.length() > QUERY_MAX) {
            q = q.substring(0, QUERY_MAX);
        }
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete media file {}: {}", key, e.toString());
        }
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

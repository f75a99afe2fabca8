package org.broadsheet.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ResultPage;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The images in the library: looking them up (one, many, or a page of a search), changing
 * their alt text, caption and credit, and deleting them with their files. New images come from
 * {@link MediaUploads}. Files a crash left without a row are removed by
 * {@link #removeOrphanedFiles}. Thread-safe.
 */
@Service
public class MediaLibrary {

    static final int QUERY_MAX = 200;
    static final int PAGE_SIZE_MAX = 100;

    /** How many files the orphan sweep checks against the database at once. */
    private static final int SWEEP_BATCH = 500;

    private final MediaRepository repository;
    private final MediaFiles files;
    private final TransactionTemplate savepoint;

    MediaLibrary(MediaRepository repository, MediaFiles files, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.files = files;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The image with this id, if there is one. */
    public Optional<MediaItem> findById(long id) {
        return repository.findById(id).map(MediaLibrary::item);
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
                .map(MediaLibrary::item)
                .collect(Collectors.toMap(MediaItem::id, MediaItem::image));
    }

    /**
     * Page {@code page} (from 1) of the library, newest first, of {@code size} images (1 to
     * 100) whose file name, alt text or caption contains {@code query} (ignoring case; blank
     * or null for all). A longer query than 200 characters is cut.
     */
    public ResultPage<MediaItem> list(String query, int page, int size) {
        int pageSize = Math.max(1, Math.min(PAGE_SIZE_MAX, size));
        int number = Math.max(1, page);
        String pattern = likePattern(query);
        List<MediaItem> items = repository.search(pattern, pageSize, (long) (number - 1) * pageSize).stream()
                .map(MediaLibrary::item)
                .toList();
        return new ResultPage<>(items, repository.count(pattern), number, pageSize);
    }

    /**
     * Replaces an image's alt text, caption and credit. Articles already using the image keep
     * their own text. Throws {@link NotFoundException} for an unknown id and
     * {@link org.broadsheet.web.ValidationException} for text too long or with control characters.
     */
    public MediaItem updateDetails(long id, String alt, String caption, String credit) {
        MediaDetails details = MediaDetails.checked(alt, caption, credit);
        if (!repository.updateDetails(id, details.alt(), details.caption(), details.credit())) {
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
        boolean deleted;
        try {
            // Only the database knows every row that uses an image: its refusal is the answer. Behind a
            // savepoint, so that a caller's transaction survives the refusal.
            deleted = Boolean.TRUE.equals(savepoint.execute(status -> repository.delete(id)));
        } catch (DataIntegrityViolationException e) {
            throw MediaRefused.inUse();
        }
        if (!deleted) {
            throw new NotFoundException("No image " + id);
        }
        MediaFiles.storageKeys(row).forEach(files::deleteQuietly);
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
        files.forEachLibraryFile(writtenBefore, file -> {
            batch.add(file);
            if (batch.size() == SWEEP_BATCH) {
                orphans.addAll(withoutRow(batch));
                batch.clear();
            }
        });
        orphans.addAll(withoutRow(batch));
        orphans.forEach(files::deleteQuietly); // after the listing, so it never walks what it is deleting
        return orphans.size();
    }

    /** The files among {@code storageKeys} whose image has no row. */
    private List<String> withoutRow(List<String> storageKeys) {
        if (storageKeys.isEmpty()) {
            return List.of();
        }
        Set<String> owned = repository.existingKeys(
                storageKeys.stream().map(MediaFiles::imageKey).distinct().toList());
        return storageKeys.stream()
                .filter(file -> !owned.contains(MediaFiles.imageKey(file)))
                .toList();
    }

    private static MediaItem item(MediaRow row) {
        List<MediaItem.Rendition> renditions = new ArrayList<>();
        for (int i = 0; i < row.renditionWidths().size(); i++) {
            int width = row.renditionWidths().get(i);
            renditions.add(new MediaItem.Rendition(
                    width,
                    row.renditionHeights().get(i),
                    MediaFiles.url(row.storageKey(), MediaFiles.renditionName(width, row.renditionType()))));
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
                MediaFiles.url(row.storageKey(), MediaFiles.originalName(row.type())),
                renditions);
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
}

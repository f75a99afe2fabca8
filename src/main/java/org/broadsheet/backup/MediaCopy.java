package org.broadsheet.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.broadsheet.media.MediaStorage;

/**
 * The media files' part of an archive, through {@link MediaStorage}, so that a file system and
 * a bucket are backed up and restored alike. Files are streamed one at a time; only the keys
 * are held.
 */
final class MediaCopy {

    private MediaCopy() {}

    /**
     * Writes every file of the store into the archive. Files are listed after the database's
     * snapshot was read: one uploaded meanwhile is carried too (the orphan sweep removes it after
     * a restore), one deleted meanwhile is not (it was no longer wanted).
     */
    static List<Manifest.Entry> backup(MediaStorage storage, ArchiveWriter archive) throws IOException {
        List<String> keys = new ArrayList<>();
        storage.list(listed -> keys.add(listed.key()));
        keys.sort(null);
        List<Manifest.Entry> entries = new ArrayList<>();
        for (String key : keys) {
            Optional<MediaStorage.Stored> stored = storage.open(key);
            if (stored.isEmpty()) {
                continue; // deleted since it was listed
            }
            try (InputStream in = stored.get().content()) {
                entries.add(archive.write(Manifest.mediaEntry(key), false, in::transferTo));
            }
        }
        return entries;
    }

    /** True when the store holds no file. */
    static boolean isEmpty(MediaStorage storage) throws IOException {
        boolean[] any = {false};
        storage.list(listed -> any[0] = true);
        return !any[0];
    }

    /** Checks every key before the database is touched: a foreign key is refused, never written. */
    static void requireValidKeys(Manifest manifest) throws ArchiveCheck.RefusedArchive {
        for (Manifest.Entry entry : manifest.media()) {
            String key = Manifest.mediaKey(entry.name());
            if (key == null || !MediaStorage.KEY.matcher(key).matches()) {
                throw new ArchiveCheck.RefusedArchive(
                        "The archive holds a media file under a name no media key has: " + entry.name());
            }
        }
    }

    static int restore(MediaStorage storage, Manifest manifest, ZipFile zip) throws IOException {
        for (Manifest.Entry entry : manifest.media()) {
            try (InputStream in = zip.getInputStream(zip.getEntry(entry.name()))) {
                storage.put(MediaStorage.requireValidKey(Manifest.mediaKey(entry.name())), in);
            }
        }
        return manifest.media().size();
    }
}

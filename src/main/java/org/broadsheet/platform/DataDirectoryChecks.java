package org.broadsheet.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the data directory must offer before the embedded PostgreSQL touches it, and the rule
 * that a first start which fails leaves no half-made cluster behind (the next start would take
 * it for a cluster and fail in a less clear way).
 */
final class DataDirectoryChecks {

    /** Free space below which a start is refused: a new cluster takes about 40 MB, a WAL segment 16 MB. */
    static final long MIN_FREE_MB = 64;

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryChecks.class);

    private DataDirectoryChecks() {}

    /** Makes {@code dataDir} if needed and checks it can be written and has room, or throws. */
    static void requireUsable(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new DataDirectoryUnusableException(dataDir, "it cannot be created (" + describe(e) + ")", e);
        }
        try {
            Path probe = Files.createTempFile(dataDir, ".write-check-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new DataDirectoryUnusableException(dataDir, "it is not writable (" + describe(e) + ")", e);
        }
        long freeMb;
        try {
            freeMb = Files.getFileStore(dataDir).getUsableSpace() / (1024 * 1024);
        } catch (IOException e) {
            throw new DataDirectoryUnusableException(dataDir, "its disk cannot be read (" + describe(e) + ")", e);
        }
        if (freeMb < MIN_FREE_MB) {
            throw new DataDirectoryUnusableException(
                    dataDir, "its disk is full (" + freeMb + " MB free, " + MIN_FREE_MB + " MB needed)", null);
        }
    }

    interface Start {
        EmbeddedPostgres start() throws IOException;
    }

    /** Runs {@code start}; if it fails on a cluster it was making, removes what it made. */
    static EmbeddedPostgres initialisedOrNothing(Path pgData, Start start) throws IOException {
        boolean existed = Files.isRegularFile(pgData.resolve("PG_VERSION"));
        try {
            return start.start();
        } catch (IOException | RuntimeException e) {
            if (!existed && Files.isDirectory(pgData)) {
                log.warn("Removing the half-made cluster in {} after a failed first start", pgData);
                deleteTree(pgData);
            }
            throw e;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", root, e.getMessage());
        }
    }

    /** An I/O failure in words: the exception's kind when it has no message of its own. */
    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }
}

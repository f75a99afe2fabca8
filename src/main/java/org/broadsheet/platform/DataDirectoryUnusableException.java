package org.broadsheet.platform;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ExitCodeGenerator;

/**
 * Thrown at start-up when the data directory cannot hold the site: it cannot be made or written
 * (permissions, a read-only file system, a file in its place) or its disk is (nearly) full.
 * Nothing has been written when it is thrown. The process exits with {@link #EXIT_CODE}.
 */
public class DataDirectoryUnusableException extends RuntimeException implements ExitCodeGenerator {

    /** The exit code of a start refused for this reason (1 is any other failed start, 2 a wrong command). */
    public static final int EXIT_CODE = 3;

    private final Path dataDir;
    private final String reason;

    DataDirectoryUnusableException(Path dataDir, String reason, @Nullable Throwable cause) {
        super("The data directory " + dataDir.toAbsolutePath() + " cannot be used: " + reason, cause);
        this.dataDir = dataDir;
        this.reason = reason;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Why, in a few words: "it is not writable (Read-only file system)". */
    public String reason() {
        return reason;
    }

    @Override
    public int getExitCode() {
        return EXIT_CODE;
    }
}

package org.broadsheet.platform;

import java.nio.file.Path;

/** Thrown at start-up when another running Broadsheet already holds the data directory. */
public class DataDirectoryInUseException extends RuntimeException {

    private final Path dataDir;

    DataDirectoryInUseException(Path dataDir) {
        super("The data directory " + dataDir + " is in use by another running Broadsheet");
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}

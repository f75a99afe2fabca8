package org.broadsheet.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a locked data directory into a short, clear start-up message instead of a stack trace. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                "Another Broadsheet is already running with the data directory "
                        + cause.dataDir().toAbsolutePath()
                        + ". Two servers on one embedded database would corrupt it, so this one did not start.",
                "Stop the other Broadsheet, or start this one with another directory: --broadsheet.data-dir=DIR "
                        + "(or BROADSHEET_DATA_DIR).",
                cause);
    }
}

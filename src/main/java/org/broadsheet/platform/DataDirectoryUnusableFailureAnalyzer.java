package org.broadsheet.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable data directory into a short, clear start-up message instead of a stack trace. */
class DataDirectoryUnusableFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryUnusableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryUnusableException cause) {
        return new FailureAnalysis(
                "Broadsheet cannot use its data directory " + cause.dataDir().toAbsolutePath() + ": " + cause.reason()
                        + ". Nothing was written there, and the site did not start.",
                "Make the directory writable by the user Broadsheet runs as, with at least "
                        + DataDirectoryChecks.MIN_FREE_MB + " MB free on its disk, or start with another"
                        + " directory: --broadsheet.data-dir=DIR (or BROADSHEET_DATA_DIR).",
                cause);
    }
}

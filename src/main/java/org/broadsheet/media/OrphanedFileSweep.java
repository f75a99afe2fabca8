package org.broadsheet.media;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes stored files no image owns ({@link MediaLibrary#removeOrphanedFiles}) once they are
 * older than {@code broadsheet.media.orphan-grace}: hourly ({@code broadsheet.media.orphan-sweep})
 * and five minutes after start. Every node sweeps; no lock is taken, since two sweeps at once
 * only delete the same unowned files twice, and a file with a row, or one younger than the
 * grace period, is never deleted by either.
 */
@Component
@ConditionalOnWebApplication // the site sweeps; a command such as create-admin does not
record OrphanedFileSweep(MediaLibrary library, MediaSettings settings, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(OrphanedFileSweep.class);

    @Scheduled(fixedDelayString = "${broadsheet.media.orphan-sweep:1h}", initialDelayString = "5m")
    int sweep() {
        int removed = library.removeOrphanedFiles(clock.instant().minus(settings.orphanGrace()));
        if (removed > 0) {
            log.info("Removed {} media file(s) that no image owned", removed);
        }
        return removed;
    }
}

package org.broadsheet.comment;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases commenters' IP addresses and user agents once they are older than the policy's
 * {@code retainIpDays}: they serve moderation only. Runs hourly; harmless on several nodes
 * at once, since erasing twice erases nothing more.
 */
@Component
record PersonalDataRetention(CommentRepository repository, CommentPolicies policies, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

    @Scheduled(fixedDelayString = "${broadsheet.comments.retention-check:1h}", initialDelayString = "1m")
    int eraseExpired() {
        int erased = repository.erasePersonalData(
                clock.instant().minus(Duration.ofDays(policies.current().retainIpDays())));
        if (erased > 0) {
            log.info("Erased the IP address and user agent of {} comment(s)", erased);
        }
        return erased;
    }
}

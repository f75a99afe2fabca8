package org.broadsheet.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff mail. The SMTP server itself is Spring Boot's {@code spring.mail.*}; without
 * {@code spring.mail.host} nothing is sent and these do nothing.
 *
 * @param from                 the sender's address ({@code From:})
 * @param fromName             the sender's display name; empty for none
 * @param maxAttempts          tries before a mail is given up on (recorded as failed)
 * @param firstRetry           the wait after the first failure; each later failure doubles it
 * @param maxRetry             the longest wait between two tries
 * @param pollInterval         how often each node looks for due mail (a mail enqueued on a node
 *                             is also handed over as soon as its transaction commits)
 * @param batchSize            the most mails one look sends
 * @param moderationNotices    whether editors are told that comments await moderation
 * @param moderationInterval   the least time between two such notices to one editor
 * @param keep                 how long the record of a sent or failed mail is kept (its body is
 *                             cleared at once)
 */
@ConfigurationProperties("broadsheet.mail")
public record MailSettings(
        @DefaultValue("newsroom@localhost") String from,
        @DefaultValue("") String fromName,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("1m") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetry,
        @DefaultValue("15s") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("true") boolean moderationNotices,
        @DefaultValue("30m") Duration moderationInterval,
        @DefaultValue("30d") Duration keep) {

    /** The wait after the {@code attempts}-th failure: {@code firstRetry}, doubled each time, capped at {@code maxRetry}. */
    public Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = firstRetry.multipliedBy(1L << doublings);
        return wait.compareTo(maxRetry) > 0 || wait.isNegative() ? maxRetry : wait;
    }
}

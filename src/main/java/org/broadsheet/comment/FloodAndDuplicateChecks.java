package org.broadsheet.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Refuses a reader's comment that comes too soon after the commenter's last one, one too
 * many in an hour (by IP address or email), or one they already posted on the article.
 *
 * <p>Takes PostgreSQL advisory transaction locks (per email, and per IP address when flood
 * limits are on), held until the caller's transaction ends: parallel posts by one commenter
 * are checked one after another and cannot slip past, while posts by different readers never
 * wait for each other. Call it in the transaction that stores the comment.
 */
@Component
record FloodAndDuplicateChecks(CommentRepository repository, Clock clock) {

    /**
     * @throws CommentRefused.Flood     the commenter posts too fast
     * @throws CommentRefused.Duplicate the commenter posted the same text on this article before
     */
    void check(long articleId, CommentPolicy policy, NewComment comment) {
        repository.lock("comment-email:" + comment.email().toLowerCase(Locale.ROOT));
        if (positive(policy.floodInterval()) || policy.floodPerHour() > 0) {
            repository.lock("comment-ip:" + comment.visitor().ip());
            checkFlood(policy, comment);
        }
        repository.findDuplicate(articleId, comment.email(), comment.text()).ifPresent(id -> {
            throw new CommentRefused.Duplicate(id);
        });
    }

    private void checkFlood(CommentPolicy policy, NewComment comment) {
        Instant now = clock.instant();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        for (CommentRepository.Activity activity : new CommentRepository.Activity[] {
            comment.visitor().ip() == null
                    ? new CommentRepository.Activity(0, null)
                    : repository.activityOfIp(comment.visitor().ip(), hourAgo),
            repository.activityOfEmail(comment.email(), hourAgo)
        }) {
            Duration sinceLatest = activity.latest() == null ? null : Duration.between(activity.latest(), now);
            if (sinceLatest != null
                    && positive(policy.floodInterval())
                    && sinceLatest.compareTo(policy.floodInterval()) < 0) {
                throw new CommentRefused.Flood(policy.floodInterval().minus(sinceLatest));
            }
            if (policy.floodPerHour() > 0 && activity.lastHour() >= policy.floodPerHour()) {
                throw new CommentRefused.Flood(Duration.ofMinutes(10));
            }
        }
    }

    private static boolean positive(Duration d) {
        return !d.isZero() && !d.isNegative();
    }
}

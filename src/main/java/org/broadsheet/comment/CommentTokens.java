package org.broadsheet.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.broadsheet.platform.Signer;
import org.springframework.stereotype.Component;

/**
 * The signed timestamp in every comment form: when the form was shown, for which article.
 * A form sent back sooner than the policy's minimum time was most likely filled in by a
 * program; one older than {@code max-form-age} is refused so that a token cannot be
 * harvested once and replayed for ever.
 */
@Component
record CommentTokens(Signer signer, Clock clock, CommentSettings settings) {

    enum Check {
        VALID,
        FORGED,
        TOO_SOON,
        EXPIRED
    }

    String issue(long articleId) {
        return issue(articleId, clock.instant());
    }

    /** A token as if the form had been shown at {@code shownAt}. */
    String issue(long articleId, Instant shownAt) {
        long seconds = shownAt.getEpochSecond();
        return seconds + "." + signer.sign(message(articleId, seconds));
    }

    Check check(long articleId, String token, Duration minFormTime) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || dot > 19) {
            return Check.FORGED;
        }
        long seconds;
        try {
            seconds = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return Check.FORGED;
        }
        if (!signer.verify(message(articleId, seconds), token.substring(dot + 1))) {
            return Check.FORGED;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant());
        if (age.compareTo(minFormTime) < 0) {
            return Check.TOO_SOON;
        }
        return age.compareTo(settings.maxFormAge()) > 0 ? Check.EXPIRED : Check.VALID;
    }

    private static String message(long articleId, long seconds) {
        return "comment-form:" + articleId + ":" + seconds;
    }
}

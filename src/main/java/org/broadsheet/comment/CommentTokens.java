package org.broadsheet.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.broadsheet.platform.Signer;
import org.springframework.stereotype.Component;

/**
 * The signed timestamp in every comment form: for which article, and from when. The time is
 * the start of the {@linkplain CommentSettings#formWindow() window} the form was shown in, not
 * the moment of rendering, so every reader (and every node) gets the same form during a window
 * and the page can be cached whole. A form sent back sooner than the policy's minimum time
 * after its window opened was most likely filled in by a program; one older than
 * {@code max-form-age} after its window closed is refused so that a token cannot be harvested
 * once and replayed for ever.
 */
@Component
record CommentTokens(Signer signer, Clock clock, CommentSettings settings) {

    enum Check {
        VALID,
        FORGED,
        TOO_SOON,
        EXPIRED
    }

    /** The token of the form as shown now: the same for every render in the current window. */
    String issue(long articleId) {
        return issue(articleId, windowStart(clock.instant()));
    }

    /** When the window holding {@code now} closes: a page carrying its form must not be kept longer. */
    Instant windowEnd(Instant now) {
        return windowStart(now).plus(window());
    }

    /** A token as if the form had been shown at {@code shownAt} (tests pin the time exactly). */
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
        // A form may have been shown until its window closed: its age counts from then.
        return age.compareTo(settings.maxFormAge().plus(window())) > 0 ? Check.EXPIRED : Check.VALID;
    }

    private Instant windowStart(Instant now) {
        long window = window().toSeconds();
        long seconds = now.getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, window));
    }

    private Duration window() {
        Duration window = settings.formWindow();
        return window.toSeconds() < 1 ? Duration.ofSeconds(1) : window;
    }

    private static String message(long articleId, long seconds) {
        return "comment-form:" + articleId + ":" + seconds;
    }
}

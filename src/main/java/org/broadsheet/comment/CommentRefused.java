package org.broadsheet.comment;

import java.time.Duration;

/**
 * A comment was refused for a reason that is not a field's fault; nothing was stored. The
 * reader's text is shown again with the reason.
 */
public sealed class CommentRefused extends RuntimeException {

    CommentRefused(String message) {
        super(message, null, false, false);
    }

    /** Comments on the article are closed. */
    public static final class Closed extends CommentRefused {
        Closed() {
            super("Comments are closed.");
        }
    }

    /** Too many comments from one IP address or email in a short time. */
    public static final class Flood extends CommentRefused {
        private final Duration retryAfter;

        Flood(Duration retryAfter) {
            super("You are posting comments too quickly. Please wait a little and send your comment again.");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The same commenter already posted the same text on the same article. */
    public static final class Duplicate extends CommentRefused {
        private final long existingId;

        Duplicate(long existingId) {
            super("You have already posted this comment.");
            this.existingId = existingId;
        }

        public long existingId() {
            return existingId;
        }
    }
}

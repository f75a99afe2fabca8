package org.broadsheet.comment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What reader pages read of a comment: nothing private (no email, IP address or user agent). */
record PublicComment(
        long id,
        Long parentId,
        CommentStatus status,
        String name,
        String website,
        boolean staff,
        String html,
        Instant createdAt) {

    /** The same comment shown as a reply to {@code shownParent} (null: at the top level). */
    PublicComment under(@Nullable Long shownParent) {
        return new PublicComment(id, shownParent, status, name, website, staff, html, createdAt);
    }
}

package org.broadsheet.comment;

import java.time.Instant;

/**
 * A comment as stored, with everything moderators may see. Never handed to reader pages
 * (they read {@link PublicComment}, which has no email, IP address or user agent).
 *
 * @param parentId      the comment this replies to, or null for a top-level comment
 * @param restoreStatus where "restore" returns a comment in the trash or in spam
 */
public record CommentRow(
        long id,
        long articleId,
        Long parentId,
        int depth,
        CommentStatus status,
        CommentStatus restoreStatus,
        String name,
        String email,
        String website,
        boolean staff,
        String text,
        String html,
        String ip,
        String userAgent,
        Instant createdAt,
        Instant updatedAt) {}

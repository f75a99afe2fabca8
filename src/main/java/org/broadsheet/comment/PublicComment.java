package org.broadsheet.comment;

import java.time.Instant;

/** What reader pages read of a comment: nothing private (no email, IP address or user agent). */
record PublicComment(
        long id,
        Long parentId,
        CommentStatus status,
        String name,
        String website,
        boolean staff,
        String html,
        Instant createdAt) {}

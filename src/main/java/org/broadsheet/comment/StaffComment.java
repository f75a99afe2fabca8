package org.broadsheet.comment;

import java.time.Instant;

/**
 * A comment as the moderation queue shows it to staff: with the commenter's email, website,
 * IP address and user agent (never on reader pages), and the article it was left on.
 *
 * @param ip              the commenter's address, or null once erased (after {@code retain-ip-days}) or for staff replies
 * @param replyToName     the name on the comment this answers, or null for a top-level comment
 * @param articleHeadline the article's headline, public or not
 * @param articleUrl      the article's permalink, or null while the article is not public
 */
public record StaffComment(
        long id,
        long articleId,
        Long parentId,
        CommentStatus status,
        String name,
        String email,
        String website,
        boolean staff,
        String text,
        String html,
        String ip,
        String userAgent,
        Instant createdAt,
        Instant updatedAt,
        String replyToName,
        String articleHeadline,
        String articleUrl) {

    /** Whether "restore" applies: the comment is in spam or in the trash. */
    public boolean isRestorable() {
        return status == CommentStatus.SPAM || status == CommentStatus.TRASH;
    }

    StaffComment withArticleUrl(String url) {
        return new StaffComment(
                id,
                articleId,
                parentId,
                status,
                name,
                email,
                website,
                staff,
                text,
                html,
                ip,
                userAgent,
                createdAt,
                updatedAt,
                replyToName,
                articleHeadline,
                url);
    }
}

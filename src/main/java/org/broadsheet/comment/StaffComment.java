package org.broadsheet.comment;

/**
 * A comment as the moderation queue shows it to staff: with the commenter's email, website,
 * IP address and user agent (never on reader pages), and the article it was left on.
 *
 * @param comment         the comment as stored; its IP address is null once erased (after
 *                        {@code retain-ip-days}) and for staff replies
 * @param replyToName     the name on the comment this answers, or null for a top-level comment
 * @param articleHeadline the article's headline, public or not
 * @param articleUrl      the article's permalink, or null while the article is not public
 */
public record StaffComment(CommentRow comment, String replyToName, String articleHeadline, String articleUrl) {

    /** Whether "restore" applies: the comment is in spam or in the trash. */
    public boolean isRestorable() {
        return comment.status() == CommentStatus.SPAM || comment.status() == CommentStatus.TRASH;
    }

    StaffComment withArticleUrl(String url) {
        return new StaffComment(comment, replyToName, articleHeadline, url);
    }
}

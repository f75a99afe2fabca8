package org.broadsheet.comment;

import org.broadsheet.platform.ClusterEvent;

/**
 * What happens to comments, for caches, counts and (later) notifications to react to. Those
 * that change a reader page are {@link ClusterEvent}s, heard by every node.
 */
public final class CommentEvents {

    private CommentEvents() {}

    /** A reader or staff member posted a comment, whatever its status. */
    public record CommentPosted(long articleId, long commentId, CommentStatus status) {}

    /** A comment became public (posted approved, or approved by a moderator). */
    public record CommentApproved(long articleId, long commentId) implements ClusterEvent {}

    /**
     * Many comments came in at once ({@link CommentImports}), on any articles: one for a whole
     * batch, instead of one {@link CommentApproved} per comment.
     */
    public record CommentsImported() implements ClusterEvent {}

    /** The site's comment policy was changed by an administrator. */
    public record CommentPolicyChanged() implements ClusterEvent {}

    /** A public comment changed (edited), or left the page (spam, trash, held again, deleted). */
    public record CommentChanged(long articleId, long commentId) implements ClusterEvent {}
}

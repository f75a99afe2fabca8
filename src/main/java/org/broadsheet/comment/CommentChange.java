package org.broadsheet.comment;

/**
 * What readers can see of comments changed. {@link CommentChanges} announces one for each
 * comment approved, changed or hidden, each change of the comment policy and each batch of
 * imported comments: on the writing node at once and again when the writing transaction ends,
 * on the other nodes when the event bus brings the change. Whatever is kept from approved
 * comments (the comment cache, kept comment feeds) listens to this one event.
 */
public sealed interface CommentChange {

    /** The public comments of one article changed. */
    record Article(long articleId) implements CommentChange {}

    /** Any article's may have (the policy's paging, or an import). */
    record All() implements CommentChange {}
}

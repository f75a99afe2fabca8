package org.broadsheet.comment;

/**
 * Which comments the moderation queue lists.
 *
 * @param status   only comments with this status, or null for all of them (held ones first)
 * @param search   text the name, email, comment or IP address must contain (ignoring case), or null
 * @param page     from 1
 * @param pageSize between 1 and {@link #MAX_PAGE_SIZE}
 */
public record StaffCommentQuery(CommentStatus status, String search, int page, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int MAX_PAGE_SIZE = 200;

    public StaffCommentQuery {
        page = Math.max(1, page);
        pageSize = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
    }

    public StaffCommentQuery(CommentStatus status, String search, int page) {
        this(status, search, page, DEFAULT_PAGE_SIZE);
    }
}

package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.comment.CommentAction;
import org.broadsheet.comment.StaffComment;
import org.broadsheet.web.DisplayDate;

/**
 * One comment's page in the moderation queue: everything about it, the form to correct it,
 * the form to answer it as the newsroom, and the actions its status allows.
 *
 * @param form  the correction form (name, email, website, comment)
 * @param reply the staff reply form (reply)
 */
public record ModerationCommentView(
        StaffComment comment, DisplayDate date, List<CommentAction> actions, StaffForm form, StaffForm reply) {}

package org.broadsheet.comment;

import java.util.List;
import java.util.Map;
import org.broadsheet.web.DisplayDate;
import org.broadsheet.web.Pagination;
import org.broadsheet.web.SafeHtml;

/**
 * The list part of an article's comments: the count, one page of threads and the links to
 * other pages. (The form, which differs for each reader, is rendered apart.)
 *
 * @param heading  "3 Comments", "1 Comment", or "Be the first to comment"
 * @param comments the top-level comments of this page, each with its replies
 */
public record CommentsView(String heading, List<Node> comments, Pagination pagination, int pages) {

    /** One comment and its replies. {@code replyUrl} is null where replying is not possible. */
    public record Node(
            long id,
            String name,
            String website,
            boolean staff,
            DisplayDate date,
            SafeHtml text,
            boolean held,
            String permalink,
            String replyUrl,
            List<Node> replies) {

        public String anchor() {
            return "comment-" + id;
        }
    }

    /** Links to earlier and later pages of comments (oldest first); null urls where there is none. */
    /**
     * The comment form, filled with what the reader typed (after a refusal) or asked the
     * site to remember.
     *
     * @param replyToName  the name of the comment replied to, or null for a new comment
     * @param problem      why the comment was not posted, for the whole form, or null
     * @param problemLink  a link that goes with the problem (the existing duplicate), or null
     * @param errors       field name to message, for fields that need fixing
     */
    public record Form(
            String action,
            long articleId,
            String token,
            Long parentId,
            String replyToName,
            String cancelUrl,
            String name,
            String email,
            String website,
            String text,
            boolean remember,
            String problem,
            String problemLink,
            Map<String, String> errors) {

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasErrors() {
            return !errors.isEmpty() || problem != null;
        }

        /** The ids that describe a field: its note (if any) and its error (if any). */
        public String describedBy(String field, String note) {
            String error = errors.containsKey(field) ? field + "-error" : null;
            if (note == null) {
                return error;
            }
            return error == null ? note : note + " " + error;
        }
    }
}

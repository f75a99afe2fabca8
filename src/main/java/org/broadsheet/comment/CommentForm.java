package org.broadsheet.comment;

/**
 * A reader's comment as they typed it.
 *
 * @param parentId the comment replied to, or null
 * @param website  optional; http or https only
 */
public record CommentForm(String name, String email, String website, String text, Long parentId) {

    static final int NAME_MAX = 245;
    static final int EMAIL_MAX = 100;
    static final int WEBSITE_MAX = 200;
    static final int TEXT_MAX = 10_000;
}

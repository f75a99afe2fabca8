package org.broadsheet.comment;

/**
 * A reader's comment as they typed it.
 *
 * @param parentId the comment replied to, or null
 * @param website  optional; http or https only
 */
public record CommentForm(String name, String email, String website, String text, Long parentId) {

    public static final int NAME_MAX = 245;
    public static final int EMAIL_MAX = 100;
    public static final int WEBSITE_MAX = 200;
    public static final int TEXT_MAX = 10_000;
}

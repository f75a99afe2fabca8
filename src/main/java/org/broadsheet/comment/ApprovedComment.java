package org.broadsheet.comment;

import java.time.Instant;
import org.broadsheet.web.SafeHtml;

/**
 * An approved comment on a public article as feeds show it. Like {@link PublicComment} it holds
 * nothing private: no email, IP address or user agent.
 *
 * @param articleUrl the article's permalink
 * @param url        the comment on its page of the article's comments
 * @param website    the website the commenter gave, or null
 * @param staff      written in the newsroom's name
 */
public record ApprovedComment(
        long id,
        long articleId,
        String articleHeadline,
        String articleUrl,
        String url,
        String name,
        String website,
        boolean staff,
        SafeHtml html,
        Instant created) {}

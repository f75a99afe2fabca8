package org.broadsheet.comment;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code broadsheet.comments.*}: the comment policy a site starts with (an administrator's
 * later changes, stored in the database, take precedence; see {@link CommentPolicies}) and
 * the settings that are not policy.
 *
 * @param moderation       which comments wait for a moderator: all, first (default), none
 * @param maxLinks         a comment with more links than this waits for a moderator
 * @param moderationWords  a comment containing one of these waits for a moderator
 * @param blocklist        words, emails, IP addresses or website domains that send a comment to spam
 * @param minFormTime      the least time between showing the form and sending it
 * @param maxFormAge       a form older than this is refused (and shown again, text kept, to send anew)
 * @param formWindow       forms shown within one such window carry the same token, so that a
 *                         page with the form is the same for every reader and may be cached
 * @param floodInterval    the least time between two comments from one IP address or email; 0 = off
 * @param floodPerHour     the most comments per hour from one IP address or email; 0 = off
 * @param closeAfterDays   comments close this many days after publication; 0 = never
 * @param maxDepth         replies nest this deep; deeper replies join the deepest level
 * @param perPage          top-level comments per page of comments
 * @param retainIpDays     IP addresses and user agents are erased after this many days
 * @param cacheTtl         approved comments kept in memory; 0 turns it off
 */
@ConfigurationProperties("broadsheet.comments")
public record CommentSettings(
        @DefaultValue("first") Moderation moderation,
        @DefaultValue("2") int maxLinks,
        @DefaultValue List<String> moderationWords,
        @DefaultValue List<String> blocklist,
        @DefaultValue("3s") Duration minFormTime,
        @DefaultValue("1d") Duration maxFormAge,
        @DefaultValue("5m") Duration formWindow,
        @DefaultValue("15s") Duration floodInterval,
        @DefaultValue("10") int floodPerHour,
        @DefaultValue("30") int closeAfterDays,
        @DefaultValue("3") int maxDepth,
        @DefaultValue("50") int perPage,
        @DefaultValue("60") int retainIpDays,
        @DefaultValue("30s") Duration cacheTtl) {

    CommentPolicy policy() {
        return new CommentPolicy(
                moderation,
                maxLinks,
                moderationWords,
                blocklist,
                minFormTime,
                floodInterval,
                floodPerHour,
                closeAfterDays,
                maxDepth,
                perPage,
                retainIpDays);
    }
}

package org.broadsheet.comment;

/**
 * Who sent a comment, as far as the site can tell: kept for moderation only, erased after
 * {@code broadsheet.comments.retain-ip-days}.
 */
public record Visitor(String ip, String userAgent) {

    public Visitor {
        userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 500));
    }
}

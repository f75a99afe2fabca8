package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.comment.Moderation;

/**
 * The settings page's view: the site's name and tagline, and the comment policy, each a form
 * of its own.
 */
public record SiteSettingsView(StaffForm site, StaffForm policy) {

    public List<Moderation> moderations() {
        return List.of(Moderation.values());
    }
}

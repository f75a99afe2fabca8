package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.account.Staff;
import org.broadsheet.web.Assets;

/**
 * What every newsroom page's frame needs: the title, the signed-in person (null on the
 * sign-in pages), the menu they may use, the pending-comment count, the CSRF token for forms
 * and the message left by the last action.
 *
 * @param siteUrl the reader site's front page
 *
 * @param nav   the menu item to mark as current
 * @param flash a message from the action just done ("Article saved."), or null
 * @param assets the static files, for their addresses; a page's {@code script} is named by its
 *     file name ({@code newsroom-editor.js})
 */
public record NewsroomFrame(
        String siteName,
        String siteUrl,
        String title,
        String nav,
        Staff staff,
        List<NavItem> menu,
        long pendingComments,
        String csrfParameter,
        String csrfHeader,
        String csrfToken,
        String flash,
        Assets assets) {

    /** One entry of the newsroom menu. */
    public record NavItem(String key, String label, String url) {}

    public String fullTitle() {
        return title + " – Newsroom – " + siteName;
    }

    public boolean isCurrent(NavItem item) {
        return item.key().equals(nav);
    }
}

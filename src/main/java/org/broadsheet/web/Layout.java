package org.broadsheet.web;

import java.util.List;

/**
 * What every page's frame needs: the title, the description, the canonical URL, the
 * navigation, and which section to mark as current.
 *
 * @param title         the page's own title; the site name is appended by the layout
 * @param description   for {@code <meta name="description">}
 * @param canonicalPath the path of this page's canonical URL, or null
 * @param currentSection slug of the section to mark with aria-current, or null
 */
public record Layout(
        String siteName,
        String tagline,
        String title,
        String description,
        String canonicalPath,
        List<NavLink> sections,
        String currentSection,
        String stylesheet) {

    public String fullTitle() {
        return title == null || title.isBlank() || title.equals(siteName) ? siteName : title + " – " + siteName;
    }

    public boolean isCurrent(NavLink link) {
        return link.slug().equals(currentSection);
    }
}

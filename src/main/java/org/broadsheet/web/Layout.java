package org.broadsheet.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every page's frame needs: the title, the description, the canonical URL, the feeds it
 * offers, what it says to search engines and link previews, the navigation, and which section
 * to mark as current.
 *
 * @param title          the page's own title; the site name is appended by the layout
 * @param description    for {@code <meta name="description">} and link previews
 * @param canonicalUrl   this page's canonical URL, absolute, or null (error pages)
 * @param currentSection slug of the section to mark with aria-current, or null
 * @param assets         the site's static files, for their addresses ({@code assets.url("site.css")})
 * @param language       the site's language, for {@code <html lang>}
 * @param feeds          the feeds offered for autodiscovery
 * @param meta           Open Graph, Twitter card and JSON-LD data
 */
public record Layout(
        String siteName,
        String tagline,
        String title,
        String description,
        @Nullable String canonicalUrl,
        List<NavLink> sections,
        @Nullable String currentSection,
        Assets assets,
        String language,
        List<FeedLink> feeds,
        PageMetadata meta) {

    public String fullTitle() {
        return title == null || title.isBlank() || title.equals(siteName) ? siteName : title + " – " + siteName;
    }

    /** The title a link preview shows: the page's own, or the site's name for the front page. */
    public String previewTitle() {
        return title == null || title.isBlank() ? siteName : title;
    }

    public boolean isCurrent(NavLink link) {
        return link.slug().equals(currentSection);
    }

    /** This layout offering {@code more} feeds before the site's own. */
    public Layout withFeeds(List<FeedLink> more) {
        List<FeedLink> all = new ArrayList<>(more);
        all.addAll(feeds);
        return with(List.copyOf(all), meta);
    }

    /** This layout saying {@code meta} about the page. */
    public Layout withMeta(PageMetadata meta) {
        return with(feeds, meta);
    }

    private Layout with(List<FeedLink> feeds, PageMetadata meta) {
        return new Layout(
                siteName,
                tagline,
                title,
                description,
                canonicalUrl,
                sections,
                currentSection,
                assets,
                language,
                feeds,
                meta);
    }
}

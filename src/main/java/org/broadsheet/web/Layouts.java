package org.broadsheet.web;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Builds the {@link Layout} of a page; controllers call it once per request. */
@Component
public class Layouts {

    private final SiteSettings settings;
    private final SiteIdentitySource identities;
    private final SiteNavigation navigation;
    private final SiteUrls urls;
    private final Assets assets;

    public Layouts(
            SiteSettings settings,
            SiteIdentitySource identities,
            SiteNavigation navigation,
            SiteUrls urls,
            Assets assets) {
        this.settings = settings;
        this.identities = identities;
        this.navigation = navigation;
        this.urls = urls;
        this.assets = assets;
    }

    /**
     * The frame of a page whose canonical URL is {@code canonicalPath} (made absolute; null for
     * none), offering the site's feeds; controllers add their own feeds and metadata with
     * {@link Layout#withFeeds} and {@link Layout#withMeta}.
     */
    public Layout page(
            String title, String description, @Nullable String canonicalPath, @Nullable String currentSection) {
        SiteIdentity site = identities.current();
        return new Layout(
                site.name(),
                site.tagline(),
                title,
                description,
                canonicalPath == null ? null : urls.absolute(canonicalPath),
                navigation.sections(),
                currentSection,
                assets,
                settings.language(),
                siteFeeds(site.name()),
                PageMetadata.WEBSITE);
    }

    /**
     * The frame of an error page when the database cannot be read: the name and tagline
     * configured in {@code broadsheet.site.*}, no section navigation.
     */
    Layout withoutDatabase(String title, String description) {
        return new Layout(
                settings.name(),
                settings.tagline(),
                title,
                description,
                null,
                List.of(),
                null,
                assets,
                settings.language(),
                siteFeeds(settings.name()),
                PageMetadata.WEBSITE);
    }

    private List<FeedLink> siteFeeds(String siteName) {
        return List.of(
                new FeedLink(FeedFormat.RSS, siteName + " (RSS)", urls.feed(FeedFormat.RSS)),
                new FeedLink(FeedFormat.ATOM, siteName + " (Atom)", urls.feed(FeedFormat.ATOM)),
                new FeedLink(FeedFormat.JSON, siteName + " (JSON Feed)", urls.feed(FeedFormat.JSON)));
    }

    /**
     * The layout offering also the feeds of a list of stories ({@code listUrl}, its first page),
     * titled with its name and the site's name as the layout has it (not read again).
     */
    public Layout withListFeeds(Layout layout, String name, String listUrl) {
        return withRssAndAtom(layout, name + " – " + layout.siteName(), format -> urls.feed(listUrl, format));
    }

    /** The layout offering also the feeds of an article's comments, titled with its headline. */
    public Layout withCommentFeeds(Layout layout, String headline, String articleUrl) {
        return withRssAndAtom(
                layout,
                "Comments on " + headline + " – " + layout.siteName(),
                format -> urls.commentsFeed(articleUrl, format));
    }

    private static Layout withRssAndAtom(Layout layout, String title, Function<FeedFormat, String> url) {
        return layout.withFeeds(List.of(
                new FeedLink(FeedFormat.RSS, title + " (RSS)", url.apply(FeedFormat.RSS)),
                new FeedLink(FeedFormat.ATOM, title + " (Atom)", url.apply(FeedFormat.ATOM))));
    }

    /**
     * The site's settings in force: the name and tagline an administrator stored, the rest from {@code broadsheet.site.*}.
     */
    public SiteSettings settings() {
        SiteIdentity site = identities.current();
        return new SiteSettings(
                site.name(),
                site.tagline(),
                settings.timeZone(),
                settings.pageSize(),
                settings.cacheTtl(),
                settings.url(),
                settings.language());
    }
}

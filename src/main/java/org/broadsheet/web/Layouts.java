package org.broadsheet.web;

import org.springframework.stereotype.Component;

/** Builds the {@link Layout} of a page; controllers call it once per request. */
@Component
public class Layouts {

    private final SiteSettings settings;
    private final SiteIdentitySource identities;
    private final SiteNavigation navigation;
    private final SiteUrls urls;

    public Layouts(SiteSettings settings, SiteIdentitySource identities, SiteNavigation navigation, SiteUrls urls) {
        this.settings = settings;
        this.identities = identities;
        this.navigation = navigation;
        this.urls = urls;
    }

    public Layout page(String title, String description, String canonicalPath, String currentSection) {
        SiteIdentity site = identities.current();
        return new Layout(
                site.name(),
                site.tagline(),
                title,
                description,
                canonicalPath,
                navigation.sections(),
                currentSection,
                urls.stylesheet());
    }

    /**
     * The site's settings in force: the name and tagline an administrator stored, the rest from {@code broadsheet.site.*}.
     */
    public SiteSettings settings() {
        SiteIdentity site = identities.current();
        return new SiteSettings(
                site.name(), site.tagline(), settings.timeZone(), settings.pageSize(), settings.cacheTtl());
    }
}

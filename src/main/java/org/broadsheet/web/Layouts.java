package org.broadsheet.web;

import org.springframework.stereotype.Component;

/** Builds the {@link Layout} of a page; controllers call it once per request. */
@Component
public class Layouts {

    private final SiteSettings settings;
    private final SiteNavigation navigation;
    private final SiteUrls urls;

    public Layouts(SiteSettings settings, SiteNavigation navigation, SiteUrls urls) {
        this.settings = settings;
        this.navigation = navigation;
        this.urls = urls;
    }

    public Layout page(String title, String description, String canonicalPath, String currentSection) {
        return new Layout(settings.name(), settings.tagline(), title, description, canonicalPath, navigation.sections(),
                currentSection, urls.stylesheet());
    }

    public SiteSettings settings() {
        return settings;
    }
}

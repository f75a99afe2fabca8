package org.broadsheet.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pageSize the most URLs one sitemap lists (articles, sections, tags, authors); more make
 *                 more numbered sitemaps. The sitemap protocol allows at most 50,000, which is the
 *                 default; a smaller one suits a site whose crawlers fetch slowly, and tests
 */
@ConfigurationProperties("broadsheet.sitemaps")
public record SitemapSettings(@DefaultValue("50000") int pageSize) {

    public SitemapSettings {
        if (pageSize < 1 || pageSize > Sitemaps.MAX_URLS) {
            throw new IllegalArgumentException(
                    "broadsheet.sitemaps.page-size must be 1 to " + Sitemaps.MAX_URLS + ", not " + pageSize);
        }
    }
}

package org.broadsheet.web;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the site calls itself and how it shows time.
 *
 * @param name      the masthead
 * @param tagline   one line under the masthead and in the front page's description
 * @param timeZone  the newsroom's zone: dates on pages and in permalinks are in it
 * @param pageSize  stories per page on archive, section, tag and author pages
 * @param cacheTtl  how long the name, tagline and navigation are kept in memory. Every change
 *                  is announced to every node at once, so this only bounds how stale a node
 *                  that missed an announcement can be
 * @param url       the public address readers use ({@code https://news.example}), from which
 *                  canonical links, feeds and sitemaps make absolute URLs; when unset, each
 *                  request's own scheme and host (forwarded headers count only when
 *                  {@code server.forward-headers-strategy} says so)
 * @param language  the site's language (BCP 47), for {@code <html lang>}, feeds and the news sitemap
 */
@ConfigurationProperties("broadsheet.site")
public record SiteSettings(
        @DefaultValue("Broadsheet") String name,

        @DefaultValue("Independent reporting from around the world")
        String tagline,

        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("20") int pageSize,
        @DefaultValue("1m") Duration cacheTtl,
        @Nullable URI url,
        @DefaultValue("en") String language) {}

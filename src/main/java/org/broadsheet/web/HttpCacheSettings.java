package org.broadsheet.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code broadsheet.http-cache.*}: how long browsers, proxies and CDNs may keep reader pages.
 *
 * @param maxAge               fresh for this long ({@code max-age})
 * @param staleWhileRevalidate then served while a fresh copy is fetched in the background
 * @param staleIfError         and served when the site answers with an error or not at all
 */
@ConfigurationProperties("broadsheet.http-cache")
public record HttpCacheSettings(
        @DefaultValue("60s") Duration maxAge,
        @DefaultValue("30s") Duration staleWhileRevalidate,
        @DefaultValue("1d") Duration staleIfError) {

    /** The {@code Cache-Control} value of reader pages. */
    String readerPages() {
        return "public, max-age=" + maxAge.toSeconds() + ", stale-while-revalidate=" + staleWhileRevalidate.toSeconds()
                + ", stale-if-error=" + staleIfError.toSeconds();
    }
}

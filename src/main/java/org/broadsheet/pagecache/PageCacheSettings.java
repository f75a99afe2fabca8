package org.broadsheet.pagecache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code broadsheet.page-cache.*}: the in-process cache of rendered reader pages.
 *
 * @param maxSize    the most memory the kept pages (every form: plain, gzip, brotli) may take; 0 turns the cache off
 * @param maxAge     the longest a page is kept even when nothing it shows changed (a safety net:
 *                   changes drop pages at once)
 * @param renderWait how long a request for a page being rendered waits for that render before
 *                   rendering it itself
 * @param statsEvery how often the hit ratio and the bytes held are logged (when there was traffic)
 */
@ConfigurationProperties("broadsheet.page-cache")
public record PageCacheSettings(
        @DefaultValue("64MB") DataSize maxSize,
        @DefaultValue("10m") Duration maxAge,
        @DefaultValue("5s") Duration renderWait,
        @DefaultValue("5m") Duration statsEvery) {

    boolean enabled() {
        return maxSize.toBytes() > 0;
    }

    /** No single page may take more than this: a sixteenth of the whole, at most 8 MB. */
    long maxPageBytes() {
        return Math.min(maxSize.toBytes() / 16, DataSize.ofMegabytes(8).toBytes());
    }
}

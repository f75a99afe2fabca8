package org.broadsheet.pagecache;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One kept page: its bytes as rendered, gzip- and brotli-compressed once (null when not worth it
 * or, for brotli, not available), the
 * headers to send again, validators for each form, and what it shows.
 *
 * @param headers      name and value pairs in order, without those each answer sets itself
 * @param lastModified epoch seconds
 * @param lastModifiedHeader the same as an HTTP date, made once
 * @param story        the story whose own page this is, or 0
 */
record CachedPage(
        String contentType,
        byte[] body,
        byte @Nullable [] gzip,
        byte @Nullable [] brotli,
        List<Header> headers,
        String etag,
        String gzipEtag,
        String brotliEtag,
        long lastModified,
        String lastModifiedHeader,
        Set<String> tags,
        Set<String> lists,
        long story,
        Instant expiresAt) {

    record Header(String name, String value) {}

    /** Roughly what the page holds in memory, in bytes. */
    int weight() {
        int size = 256 + body.length + (gzip == null ? 0 : gzip.length) + (brotli == null ? 0 : brotli.length);
        for (Header header : headers) {
            size += 48 + 2 * (header.name().length() + header.value().length());
        }
        for (String tag : tags) {
            size += 48 + 2 * tag.length();
        }
        return size;
    }
}

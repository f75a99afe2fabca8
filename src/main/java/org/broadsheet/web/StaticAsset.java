package org.broadsheet.web;

import org.jspecify.annotations.Nullable;

/**
 * One file of {@code src/main/resources/static}, read once at start-up and kept in memory.
 *
 * @param name        its path under {@code static/}: {@code site.css}, {@code images/demo/x.svg}
 * @param fingerprint the first hex digits of the SHA-256 of its bytes
 * @param contentType what it is served as
 * @param bytes       its content
 * @param gzip        its content gzipped once, for a text type when that is smaller; else null
 * @param brotli      its content brotli-compressed once, likewise (null where brotli is not available)
 */
record StaticAsset(
        String name,
        String fingerprint,
        String contentType,
        byte[] bytes,
        byte @Nullable [] gzip,
        byte @Nullable [] brotli) {

    /** Its fingerprinted path under {@code /assets/}: {@code site.3f2a9c1e04.css}. */
    String fingerprintedName() {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot <= slash + 1) {
            return name + "." + fingerprint;
        }
        return name.substring(0, dot) + "." + fingerprint + name.substring(dot);
    }

    /** The strong ETag of the plain bytes. */
    String etag() {
        return "\"" + fingerprint + "\"";
    }

    /** The strong ETag of the gzip variant, distinct from the plain one's. */
    String gzipEtag() {
        return "\"" + fingerprint + "-gzip\"";
    }

    /** The strong ETag of the brotli variant, distinct from the other two. */
    String brotliEtag() {
        return "\"" + fingerprint + "-br\"";
    }
}

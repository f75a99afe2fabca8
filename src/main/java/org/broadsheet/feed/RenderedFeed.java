package org.broadsheet.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A feed written out, kept as it is sent: its bytes, the same bytes gzipped (made once, for the
 * many clients that accept gzip), a strong ETag of the bytes, and the time they were first
 * written. Immutable; thread-safe.
 *
 * @param lastModified when a feed with these bytes was first written on this node; a feed
 *                     written again the same keeps its earlier time, so {@code If-Modified-Since}
 *                     still answers 304
 */
record RenderedFeed(byte[] bytes, byte[] gzipped, String etag, Instant lastModified) {

    /** The ETag of {@code bytes}: the first 128 bits of their SHA-256, quoted. */
    static String etagOf(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The ETag of the gzipped bytes, which are another representation, so another (strong) tag. */
    String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }

    int weight() {
        return bytes.length + gzipped.length + 128;
    }
}

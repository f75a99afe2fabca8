package org.broadsheet.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The few rules every answer sent from bytes in memory shares (pages, kept pages, feeds, static
 * files): whether the client takes gzip or prefers brotli, strong ETags made from the bytes, and whether
 * {@code If-None-Match} names the one being sent.
 */
public final class ContentNegotiation {

    private ContentNegotiation() {}

    /** Whether the request's {@code Accept-Encoding} headers allow gzip (see {@link #acceptsGzip(String)}). */
    public static boolean acceptsGzip(HttpServletRequest request) {
        return acceptsGzip(joined(request.getHeaders(HttpHeaders.ACCEPT_ENCODING)));
    }

    /**
     * Whether {@code Accept-Encoding} allows gzip: {@code gzip} (or {@code x-gzip}) named with a
     * quality above 0, or else {@code *} with one.
     */
    public static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean star = null;
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] fields = part.trim().split(";");
            String coding = fields[0].trim();
            boolean allowed = quality(fields) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return allowed;
            }
            if (coding.equals("*")) {
                star = allowed;
            }
        }
        return Boolean.TRUE.equals(star);
    }

    /** One form of an answer: its bytes, its ETag, and its {@code Content-Encoding} (null for none). */
    public record Variant(
            byte[] body, String etag, @Nullable String coding) {}

    /**
     * The form of an answer kept in up to three to send: brotli when there is one and the client
     * prefers it, else gzip when there is one and the client takes it, else the plain bytes.
     */
    public static Variant choose(
            HttpServletRequest request,
            byte[] plain,
            String etag,
            byte @Nullable [] gzip,
            String gzipEtag,
            byte @Nullable [] brotli,
            String brotliEtag) {
        if (brotli != null && prefersBrotli(request)) {
            return new Variant(brotli, brotliEtag, "br");
        }
        if (gzip != null && acceptsGzip(request)) {
            return new Variant(gzip, gzipEtag, "gzip");
        }
        return new Variant(plain, etag, null);
    }

    /**
     * Whether the request's {@code Accept-Encoding} names {@code br} with a quality above 0 and
     * not below gzip's: a client that ranks gzip higher gets gzip. Only a named {@code br}
     * counts, not {@code *}.
     */
    public static boolean prefersBrotli(HttpServletRequest request) {
        String header = joined(request.getHeaders(HttpHeaders.ACCEPT_ENCODING));
        if (header == null) {
            return false;
        }
        double brotli = -1;
        double gzip = -1;
        for (String part : header.toLowerCase(Locale.ROOT).split(",")) {
            String[] fields = part.trim().split(";");
            String coding = fields[0].trim();
            if (coding.equals("br")) {
                brotli = quality(fields);
            } else if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = Math.max(gzip, quality(fields));
            }
        }
        return brotli > 0 && brotli >= gzip;
    }

    private static double quality(String[] fields) {
        for (int i = 1; i < fields.length; i++) {
            String field = fields[i].trim();
            if (field.startsWith("q=")) {
                try {
                    return Double.parseDouble(field.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** Whether the request's {@code If-None-Match} names {@code etag} (weakly compared, as RFC 9110 asks for GET). */
    public static boolean noneMatchNames(HttpServletRequest request, String etag) {
        String ifNoneMatch = joined(request.getHeaders(HttpHeaders.IF_NONE_MATCH));
        if (ifNoneMatch == null) {
            return false;
        }
        String bare = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(bare)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the request carries {@code If-None-Match} at all (which then decides over {@code If-Modified-Since}). */
    public static boolean hasNoneMatch(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.IF_NONE_MATCH) != null;
    }

    /**
     * A strong validator made from the bytes alone (two independent, hardware-assisted CRCs and
     * the length), so every node gives the same bytes the same tag; marked for the gzip form,
     * which is a different representation.
     */
    public static String strongEtag(byte[] body, boolean gzip) {
        return strongEtag(body, gzip ? "gzip" : "");
    }

    /** As {@link #strongEtag(byte[], boolean)}, marked for the variant in {@code coding} ("" for none). */
    public static String strongEtag(byte[] body, String coding) {
        CRC32C crc32c = new CRC32C();
        crc32c.update(body);
        CRC32 crc32 = new CRC32();
        crc32.update(body);
        return "\"" + Long.toHexString(crc32c.getValue() << 32 | crc32.getValue()) + "-"
                + Integer.toHexString(body.length) + (coding.isEmpty() ? "" : "-" + coding) + "\"";
    }

    private static @Nullable String joined(@Nullable Enumeration<String> values) {
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        StringBuilder joined = new StringBuilder(values.nextElement());
        while (values.hasMoreElements()) {
            joined.append(',').append(values.nextElement());
        }
        return joined.toString();
    }
}

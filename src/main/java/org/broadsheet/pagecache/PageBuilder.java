package org.broadsheet.pagecache;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.broadsheet.web.Brotli;
import org.broadsheet.web.ContentNegotiation;
import org.broadsheet.web.PageTags;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Makes a {@link CachedPage} of a rendered answer, when it may be kept: a 200, marked
 * {@code public}, setting no cookie, of a known type and not too big. Compresses it once, with
 * gzip and with brotli.
 */
final class PageBuilder {

    /**
     * Headers every answer sets itself, for the form it is sent in, or that are never replayed
     * (HSTS follows the scheme of the request answered, not of the one that rendered).
     */
    private static final Set<String> OWN = Set.of(
            "content-length",
            "content-encoding",
            "content-type",
            "etag",
            "last-modified",
            "date",
            "set-cookie",
            "strict-transport-security",
            "transfer-encoding",
            "vary",
            "x-request-id"); // each request's own (ops.RequestMetrics)

    /** IMF-fixdate (RFC 9110 5.6.7). */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    /** Below this, gzip saves too little to be worth a variant. */
    private static final int MIN_GZIP = 512;

    private PageBuilder() {}

    /** The page to keep, or null when this answer must not be kept. */
    static @Nullable CachedPage of(
            CapturedResponse captured,
            HttpServletResponse response,
            PageTags.Collected tags,
            PageCacheSettings settings,
            Clock clock) {
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        String contentType = response.getContentType();
        if (captured.passedThrough()
                || response.getStatus() != HttpServletResponse.SC_OK
                || cacheControl == null
                || !cacheControl.startsWith("public")
                || !response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                || contentType == null) {
            return null;
        }
        byte[] body = captured.body();
        if (body.length > settings.maxPageBytes()) {
            return null;
        }
        boolean compress = compressible(contentType) && body.length >= MIN_GZIP;
        byte[] gzip = compress ? gzip(body) : null;
        byte[] brotli = compress ? Brotli.compressPage(body) : null;
        Instant now = clock.instant();
        Instant expires = now.plus(settings.maxAge());
        if (tags.until() != null && tags.until().isBefore(expires)) {
            expires = tags.until();
        }
        long lastModified = lastModified(response.getHeader(HttpHeaders.LAST_MODIFIED), now);
        return new CachedPage(
                contentType,
                body,
                gzip,
                brotli,
                headers(response, compressible(contentType)),
                ContentNegotiation.strongEtag(body, false),
                ContentNegotiation.strongEtag(body, true),
                ContentNegotiation.strongEtag(body, "br"),
                lastModified,
                HTTP_DATE.format(Instant.ofEpochSecond(lastModified)),
                tags.tags().isEmpty() ? Set.of(PageInvalidation.UNTAGGED) : Set.copyOf(tags.tags()),
                Set.copyOf(tags.lists()),
                tags.story(),
                expires);
    }

    /** The answer's own Last-Modified (a feed's newest entry), else now. */
    private static long lastModified(@Nullable String header, Instant now) {
        if (header != null) {
            try {
                return ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toEpochSecond();
            } catch (DateTimeParseException e) {
                // not a date: use now
            }
        }
        return now.getEpochSecond();
    }

    private static List<CachedPage.Header> headers(HttpServletResponse response, boolean compressible) {
        List<CachedPage.Header> headers = new ArrayList<>();
        List<String> vary = new ArrayList<>();
        for (String name : Set.copyOf(response.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("vary")) {
                response.getHeaders(name).forEach(value -> vary.add(value));
            } else if (!OWN.contains(lower)) {
                response.getHeaders(name).forEach(value -> headers.add(new CachedPage.Header(name, value)));
            }
        }
        if (compressible
                && vary.stream().noneMatch(v -> v.toLowerCase(Locale.ROOT).contains("accept-encoding"))) {
            vary.add(HttpHeaders.ACCEPT_ENCODING);
        }
        if (!vary.isEmpty()) {
            headers.add(new CachedPage.Header(HttpHeaders.VARY, String.join(", ", vary)));
        }
        return List.copyOf(headers);
    }

    /** HTML, CSS, JavaScript, XML (feeds, sitemaps), JSON and plain text. */
    static boolean compressible(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("xml") || type.contains("json") || type.contains("javascript");
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.DEFAULT_COMPRESSION);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

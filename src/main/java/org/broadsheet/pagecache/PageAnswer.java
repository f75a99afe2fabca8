package org.broadsheet.pagecache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.broadsheet.web.ContentNegotiation;
import org.broadsheet.web.SecurityHeaders;
import org.springframework.http.HttpHeaders;

/**
 * Sends a kept page: brotli-compressed to clients that prefer it, else gzip-compressed to those
 * that take it, 304 to a client whose copy is
 * current ({@code If-None-Match}, else {@code If-Modified-Since}), headers only to a HEAD.
 * Nothing is rendered or compressed here.
 */
final class PageAnswer {

    private PageAnswer() {}

    static void send(CachedPage page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ContentNegotiation.Variant sent = ContentNegotiation.choose(
                request, page.body(), page.etag(), page.gzip(), page.gzipEtag(), page.brotli(), page.brotliEtag());
        String etag = sent.etag();
        // Set, not added: after a render the real answer already carries them.
        Set<String> set = new HashSet<>();
        for (CachedPage.Header header : page.headers()) {
            if (set.add(header.name())) {
                response.setHeader(header.name(), header.value());
            } else {
                response.addHeader(header.name(), header.value());
            }
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", SecurityHeaders.STRICT_TRANSPORT_SECURITY);
        }
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.LAST_MODIFIED, page.lastModifiedHeader());
        if (notModified(request, etag, page.lastModified())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        byte[] body = sent.body();
        if (sent.coding() != null) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, sent.coding());
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** RFC 9110 13.1: If-None-Match (weak comparison) decides when present; else If-Modified-Since. */
    static boolean notModified(HttpServletRequest request, String etag, long lastModifiedSeconds) {
        if (ContentNegotiation.hasNoneMatch(request)) {
            return ContentNegotiation.noneMatchNames(request, etag);
        }
        long since;
        try {
            since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException e) {
            return false; // not a date: ignored, as RFC 9110 says
        }
        return since >= 0 && lastModifiedSeconds <= since / 1000;
    }
}

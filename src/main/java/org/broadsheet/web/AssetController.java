package org.broadsheet.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Serves {@link Assets} from memory. The current fingerprinted address is kept for a year
 * ({@code immutable}); the plain address, and a fingerprint that is not the current one (a page
 * of an earlier deploy, or a node not yet updated), get the current bytes with {@code no-cache}:
 * nothing may keep them under that address without asking again. Text types go brotli-compressed
 * to a client that prefers it, else gzipped to one that accepts it, both made once at start-up;
 * each variant has its own ETag, and a matching
 * {@code If-None-Match} gets 304. Only names read at start-up are served, so no path can reach a
 * file outside {@code static/}.
 */
@Controller
record AssetController(Assets assets) {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    @RequestMapping(
            path = "/assets/{*path}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    void serve(@PathVariable String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Assets.Lookup lookup = assets.find(path.startsWith("/") ? path.substring(1) : path)
                .orElseThrow(() -> new NotFoundException("No static file " + path));
        StaticAsset asset = lookup.asset();
        ContentNegotiation.Variant sent = ContentNegotiation.choose(
                request,
                asset.bytes(),
                asset.etag(),
                asset.gzip(),
                asset.gzipEtag(),
                asset.brotli(),
                asset.brotliEtag());
        String etag = sent.etag();
        response.setHeader(HttpHeaders.CACHE_CONTROL, lookup.current() ? IMMUTABLE : REVALIDATE);
        response.setHeader(HttpHeaders.ETAG, etag);
        if (asset.gzip() != null || asset.brotli() != null) {
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }
        if (ContentNegotiation.noneMatchNames(request, etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = sent.body();
        response.setContentType(asset.contentType());
        if (sent.coding() != null) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, sent.coding());
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}

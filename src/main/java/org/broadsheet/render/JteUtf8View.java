package org.broadsheet.render;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.broadsheet.web.ContentNegotiation;
import org.broadsheet.web.HttpCaching;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Renders a jte template to UTF-8 bytes (so the precompiled binary parts of templates are
 * copied, not re-encoded), sends it with a Content-Length, and for successful pages an
 * ETag made from the bytes, answering a matching {@code If-None-Match} with 304. A page
 * holding kept parts ({@link RenderedHtml}) goes to clients that accept gzip as a
 * {@link GzipPage}, those parts compressed once and the rest stored.
 */
class JteUtf8View extends JteView {

    private final TemplateEngine engine;

    JteUtf8View(TemplateEngine engine) {
        super(engine);
        this.engine = engine;
    }

    /**
     * As Spring's, without its DEBUG line that prints the whole model: form values (emails),
     * CSRF tokens and anything else a view carries would reach the log.
     */
    @Override
    public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        Map<String, Object> merged = createMergedOutputModel(model, request, response);
        prepareResponse(request, response);
        renderMergedOutputModel(merged, getRequestToExpose(request), response);
    }

    @Override
    protected void renderMergedTemplateModel(
            Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
        List<RenderedHtml> kept = RenderedHtml.declared(request);
        response.setContentType("text/html;charset=UTF-8");
        // A page private to one reader carries per-request tokens: no ETag could ever match.
        boolean shared = !HttpCaching.isPrivate(response);
        if (kept.isEmpty()) {
            Utf8ByteOutput output = new Utf8ByteOutput();
            engine.render(getUrl(), model, output);
            byte[] body = output.toByteArray();
            if (!(shared && notModified(body, false, request, response))) {
                send(body, response);
            }
            return;
        }
        GzipPage page = new GzipPage(kept);
        engine.render(getUrl(), model, page);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        boolean gzip = page.worthCompressing() && ContentNegotiation.acceptsGzip(request);
        if (shared && notModified(page.body(), gzip, request, response)) {
            return;
        }
        // Written a segment at a time: the kept parts go out without being copied into the page.
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            response.setContentLength(page.gzipLength());
            page.writeGzipTo(response.getOutputStream());
        } else {
            response.setContentLength(page.length());
            page.writeTo(response.getOutputStream());
        }
    }

    private static boolean notModified(
            byte[] body, boolean gzip, HttpServletRequest request, HttpServletResponse response) {
        return response.getStatus() == HttpServletResponse.SC_OK
                && new ServletWebRequest(request, response).checkNotModified(ContentNegotiation.strongEtag(body, gzip));
    }

    private static void send(byte[] body, HttpServletResponse response) throws java.io.IOException {
        response.setContentLength(body.length);
        response.getOutputStream().write(body); // one write: Tomcat pays per call, and a page has hundreds of chunks
    }
}

package org.broadsheet.web;

import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Renders a jte template to UTF-8 bytes (so the precompiled binary parts of templates are
 * copied, not re-encoded), sends it with a Content-Length, and for successful pages an
 * ETag made from the bytes, answering a matching {@code If-None-Match} with 304.
 */
class JteUtf8View extends JteView {

    private final TemplateEngine engine;

    JteUtf8View(TemplateEngine engine) {
        super(engine);
        this.engine = engine;
    }

    @Override
    protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
                                             HttpServletResponse response) throws Exception {
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(getUrl(), model, output);
        response.setContentType("text/html;charset=UTF-8");
        byte[] body = output.toByteArray();
        if (response.getStatus() == HttpServletResponse.SC_OK
                && new ServletWebRequest(request, response).checkNotModified(etag(body))) {
            return;
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body); // one write: Tomcat pays per call, and a page has hundreds of chunks
    }

    /** A strong validator: two independent CRCs (both hardware-assisted) and the length. */
    private static String etag(byte[] body) {
        CRC32C crc32c = new CRC32C();
        crc32c.update(body);
        CRC32 crc32 = new CRC32();
        crc32.update(body);
        return "\"" + Long.toHexString(crc32c.getValue() << 32 | crc32.getValue()) + "-"
                + Integer.toHexString(body.length) + "\"";
    }
}

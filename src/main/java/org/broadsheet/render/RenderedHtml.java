package org.broadsheet.render;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.jspecify.annotations.Nullable;

/**
 * A part of a page that one of the site's own templates rendered earlier (escaping done
 * then), kept as UTF-8 bytes to be written into later pages as it is: a cache entry of
 * rendered markup, such as an article's list of comments. Immutable; thread-safe.
 *
 * <p>It also keeps its bytes compressed (a raw deflate stream ending in a full flush), made
 * once on first use: a page that {@linkplain #in(HttpServletRequest) declares} it is sent to
 * clients that accept gzip with this part compressed, without compressing it again on each
 * request (see {@link GzipPage}).
 */
public final class RenderedHtml implements Content {

    private static final String REQUEST_ATTRIBUTE = RenderedHtml.class.getName();

    private final byte[] utf8;
    private final long crc32;
    private volatile byte @Nullable [] deflated;

    RenderedHtml(byte[] utf8) {
        this.utf8 = utf8;
        CRC32 crc = new CRC32();
        crc.update(utf8);
        this.crc32 = crc.getValue();
    }

    /** Renders {@code template} with {@code param} now. */
    public static RenderedHtml render(TemplateEngine templates, String template, Object param) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        templates.render(template, param, output);
        return new RenderedHtml(output.toByteArray());
    }

    /** Declares that the page answering {@code request} contains this part; returns it. */
    public RenderedHtml in(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        List<RenderedHtml> parts = (List<RenderedHtml>) request.getAttribute(REQUEST_ATTRIBUTE);
        if (parts == null) {
            parts = new ArrayList<>(2);
            request.setAttribute(REQUEST_ATTRIBUTE, parts);
        }
        parts.add(this);
        return this;
    }

    /** The parts declared for the page answering {@code request}. */
    @SuppressWarnings("unchecked")
    static List<RenderedHtml> declared(HttpServletRequest request) {
        List<RenderedHtml> parts = (List<RenderedHtml>) request.getAttribute(REQUEST_ATTRIBUTE);
        return parts == null ? List.of() : parts;
    }

    public int size() {
        return utf8.length;
    }

    byte[] utf8() {
        return utf8;
    }

    /** The CRC-32 of the bytes (for the gzip trailer of pages that hold this part). */
    long crc32() {
        return crc32;
    }

    /** The bytes as raw deflate blocks, byte-aligned and not final, so that more blocks may follow. */
    byte[] deflated() {
        byte[] result = deflated;
        if (result == null) {
            result = deflate(utf8);
            deflated = result;
        }
        return result;
    }

    private static byte[] deflate(byte[] input) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(input);
            byte[] buffer = new byte[Math.max(64, input.length / 2)];
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(input.length / 4 + 64);
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length || !deflater.needsInput());
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeBinaryContent(utf8);
    }
}

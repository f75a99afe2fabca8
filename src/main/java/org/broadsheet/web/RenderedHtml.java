package org.broadsheet.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.Utf8ByteOutput;

/**
 * A part of a page that one of the site's own templates rendered earlier (escaping done
 * then), kept as UTF-8 bytes to be written into later pages as it is: a cache entry of
 * rendered markup, such as an article's list of comments. Immutable; thread-safe.
 */
public final class RenderedHtml implements Content {

    private final byte[] utf8;

    private RenderedHtml(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** Renders {@code template} with {@code param} now. */
    public static RenderedHtml render(TemplateEngine templates, String template, Object param) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        templates.render(template, param, output);
        return new RenderedHtml(output.toByteArray());
    }

    public int size() {
        return utf8.length;
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeBinaryContent(utf8);
    }
}

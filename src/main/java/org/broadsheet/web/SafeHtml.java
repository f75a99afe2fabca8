package org.broadsheet.web;

import gg.jte.Content;
import gg.jte.TemplateOutput;

/**
 * HTML that has been through {@link HtmlSanitizer}, and so may be written to a page unescaped.
 *
 * <p>Only the sanitiser creates instances; templates print them with {@code ${html}}, and
 * this is the one place in the code base where markup is written without escaping.
 */
public final class SafeHtml implements Content {

    static final SafeHtml EMPTY = new SafeHtml("");

    private final String html;

    SafeHtml(String html) {
        this.html = html;
    }

    public String html() {
        return html;
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(html);
    }

    @Override
    public String toString() {
        return html;
    }
}

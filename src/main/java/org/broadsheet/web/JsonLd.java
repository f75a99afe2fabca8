package org.broadsheet.web;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One schema.org JSON-LD block, written as {@code <script type="application/ld+json">}.
 *
 * <p>The JSON comes from Jackson, so quotes and backslashes in values are escaped as JSON
 * needs; then every {@code <}, {@code >} and {@code &} and the line separators U+2028 and
 * U+2029 are written as JSON's backslash-u escapes. Those characters can only stand inside JSON
 * strings, where the escapes mean the same text, so a headline containing
 * {@code </script>} or {@code <!--} can neither end the element nor open a comment in it.
 * It is data, not script: browsers do not run it and the CSP does not apply to it.
 */
public final class JsonLd implements Content {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String json;

    private JsonLd(String json) {
        this.json = json;
    }

    /** The block for {@code data}, a tree of maps, lists, strings, numbers and booleans. */
    public static JsonLd of(Map<String, ?> data) {
        return new JsonLd(escapeForScript(JSON.writeValueAsString(data)));
    }

    static String escapeForScript(String json) {
        if (json.indexOf('<') < 0
                && json.indexOf('>') < 0
                && json.indexOf('&') < 0
                && json.indexOf('\u2028') < 0
                && json.indexOf('\u2029') < 0) {
            return json; // nothing to escape, the usual case: five quick searches, no copy
        }
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The JSON as written into the page. */
    public String json() {
        return json;
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent("<script type=\"application/ld+json\">");
        output.writeContent(json);
        output.writeContent("</script>");
    }
}

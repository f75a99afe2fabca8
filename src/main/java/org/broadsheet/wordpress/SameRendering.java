package org.broadsheet.wordpress;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.broadsheet.web.HtmlSanitizer;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * What readers would see of some HTML or Markdown, in a form that can be compared: the
 * Markdown rendered as the site renders article bodies (CommonMark, HTML passed through), then
 * sanitised by the site's sanitiser, then written out canonically — attributes sorted,
 * entities read, runs of whitespace one space (none beside block tags and line breaks; inside
 * {@code pre} kept exactly), {@code b}/{@code i} as {@code strong}/{@code em}, a line break at
 * the very start or end of a block dropped, empty paragraphs dropped. Thread-safe.
 */
final class SameRendering {

    static final Set<String> VOID = Set.of("br", "hr", "img");
    private static final Set<String> BLOCK_NAMES = Set.of(
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "li",
            "blockquote",
            "pre",
            "hr",
            "figure",
            "figcaption",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "td",
            "th",
            "caption",
            "dl",
            "dt",
            "dd",
            "br");
    private static final Pattern LEADING_BREAKS = Pattern.compile("(<(?:p|li|h[1-6])>)(?:<br>)+");
    private static final Pattern TRAILING_BREAKS = Pattern.compile("(?:<br>)+(</(?:p|li|h[1-6])>)");
    private static final Pattern PRE_START = Pattern.compile("(<pre>(?:<code[^>]*>)?)&#10;");
    private static final Pattern PRE_END = Pattern.compile("&#10;((?:</code>)?</pre>)");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(false).build();
    private final HtmlSanitizer sanitizer;

    SameRendering(HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    /** The sanitised HTML as it would be stored, before it is made canonical. */
    String sanitised(String html) {
        return sanitizer.sanitize(html).html();
    }

    /** What readers see of {@code html}, canonical. */
    String ofHtml(String html) {
        return canonical(sanitised(html));
    }

    /** What readers see of {@code markdown}, rendered as the site renders bodies, canonical. */
    String ofMarkdown(String markdown) {
        return canonical(renderedSanitised(markdown));
    }

    /** {@code markdown} rendered as the site renders bodies, then sanitised: before it is made canonical. */
    String renderedSanitised(String markdown) {
        return sanitised(renderer.render(parser.parse(markdown)));
    }

    static String canonical(String html) {
        Canonical out = new Canonical();
        for (Node node : Jsoup.parseBodyFragment(html).body().childNodes()) {
            out.write(node, false);
        }
        String text = out.text.toString();
        if (text.contains("<br>")) {
            text = LEADING_BREAKS.matcher(text).replaceAll("$1");
            text = TRAILING_BREAKS.matcher(text).replaceAll("$1");
        }
        if (text.contains("<pre>")) {
            text = PRE_START.matcher(text).replaceAll("$1");
            text = PRE_END.matcher(text).replaceAll("$1");
        }
        return text.replace("<p></p>", "").strip();
    }

    /** Writes nodes canonically; whitespace is settled as it goes (no space beside a block tag). */
    private static final class Canonical {

        final StringBuilder text = new StringBuilder();
        private boolean besideBlock = true;

        void write(Node node, boolean inPre) {
            if (node instanceof TextNode t) {
                text(t.getWholeText(), inPre);
            } else if (node instanceof Element element) {
                element(element, inPre);
            }
        }

        private void text(String raw, boolean inPre) {
            if (inPre) {
                text.append(
                        escape(raw).replace("\n", "&#10;").replace(" ", "&#32;").replace("\t", "&#9;"));
                besideBlock = false;
                return;
            }
            boolean afterSpace = besideBlock || (!text.isEmpty() && text.charAt(text.length() - 1) == ' ');
            int before = text.length();
            escapeCollapsed(raw, afterSpace, text); // after a space, white space at the start adds nothing
            besideBlock = besideBlock && text.length() == before;
        }

        private void element(Element element, boolean inPre) {
            String name = switch (element.normalName()) {
                case "b" -> "strong";
                case "i" -> "em";
                default -> element.normalName();
            };
            boolean block = BLOCK_NAMES.contains(name);
            tag(name, element, block);
            if (VOID.contains(name)) {
                return;
            }
            for (Node child : element.childNodes()) {
                write(child, inPre || name.equals("pre"));
            }
            if (block) {
                trimSpace();
            }
            text.append("</").append(name).append('>');
            besideBlock = block;
        }

        private void tag(String name, Element element, boolean block) {
            if (block) {
                trimSpace();
            }
            text.append('<').append(name);
            List<Attribute> attributes = element.attributes().asList();
            if (attributes.size() > 1) {
                attributes = attributes.stream()
                        .sorted(Comparator.comparing(Attribute::getKey))
                        .toList();
            }
            for (Attribute attribute : attributes) {
                String value = escapeCollapsed(attribute.getValue());
                text.append(' ').append(attribute.getKey()).append("=\"");
                text.append(value.replace("\"", "&quot;")).append('"');
            }
            text.append('>');
            besideBlock = block;
        }

        private void trimSpace() {
            if (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
                text.setLength(text.length() - 1);
            }
        }
    }

    /**
     * Appends {@link #escape escaped} {@code text} to {@code out} with each run of HTML white
     * space made one space (none for a run at the start when {@code afterSpace}). In one pass,
     * copying the runs between those characters whole: this runs on every text of every
     * imported body (twice), where a regular expression and three replaces were a tenth of the
     * import's time, and appending character by character still 8%.
     */
    static void escapeCollapsed(String text, boolean afterSpace, StringBuilder out) {
        boolean space = afterSpace;
        int run = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c > '>') {
                continue; // neither white space nor a character to escape: stays in the run
            }
            boolean white = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
            if (!white && c != '&' && c != '<' && c != '>') {
                continue;
            }
            if (run < i) {
                out.append(text, run, i);
                space = false;
            }
            run = i + 1;
            if (!white) {
                out.append(c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;");
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        if (run < length) {
            out.append(text, run, length);
        }
    }

    /** {@link #escapeCollapsed(String, boolean, StringBuilder)} as a string of its own (an attribute's value). */
    static String escapeCollapsed(String text) {
        StringBuilder out = new StringBuilder(text.length());
        escapeCollapsed(text, false, out);
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

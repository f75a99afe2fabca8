package org.broadsheet.wordpress;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The inline part of the HTML-to-Markdown conversion: text (escaped so that it stays text),
 * emphasis, links, images, code spans and line breaks. Anything else is {@link Unconvertible},
 * and its block stays HTML.
 */
final class MarkdownInline {

    /** Thrown when Markdown cannot say what the HTML says; cheap (no stack trace). */
    static final class Unconvertible extends RuntimeException {
        Unconvertible(String what) {
            super(what, null, false, false);
        }
    }

    static final String HARD_BREAK = "\\\n";

    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\r\\f]+");
    private static final Pattern SIGNIFICANT = Pattern.compile("[\\\\`*_\\[\\]<]|&(?=#?[A-Za-z0-9]+;)");
    static final Pattern LINE_START = Pattern.compile("(?m)^([#>+=~-])|^(\\d{1,9})([.)])");
    private static final Pattern BREAK = Pattern.compile(" *\\\\\\n *");
    private static final String BREAK_REPLACEMENT = Matcher.quoteReplacement(HARD_BREAK);
    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern ANGLE_NEEDED = Pattern.compile("[\\s()<>\\\\]");

    private MarkdownInline() {}

    /**
     * The Markdown of a paragraph's worth of inline nodes: one line, or several joined by hard
     * breaks; no leading or trailing whitespace or break.
     */
    static String paragraph(List<Node> nodes) {
        StringBuilder out = new StringBuilder();
        for (Node node : nodes) {
            inline(node, out);
        }
        String text =
                out.indexOf("\n") < 0 ? out.toString() : BREAK.matcher(out).replaceAll(BREAK_REPLACEMENT);
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.startsWith(HARD_BREAK, start))) {
            start += text.charAt(start) == ' ' ? 1 : HARD_BREAK.length();
        }
        while (end > start && (text.charAt(end - 1) == ' ' || hardBreakEndsAt(text, end))) {
            end -= text.charAt(end - 1) == ' ' ? 1 : HARD_BREAK.length();
        }
        text = text.substring(start, end);
        return LineStarts.replaceAll(
                LINE_START, text, m -> m.group(1) != null ? "\\" + m.group(1) : m.group(2) + "\\" + m.group(3));
    }

    /**
     * Runs of HTML whitespace as one space. The text is only changed where it has a tab, a line
     * break or a form feed, or two spaces together: those are looked for first (searches for one
     * character are quick), and most of a body's texts have none.
     */
    static String collapse(String text) {
        return hasRunToCollapse(text, "\t\n\r\f") ? WHITESPACE.matcher(text).replaceAll(" ") : text;
    }

    /**
     * Whether a pattern that makes each run of white space one space would change {@code text}:
     * it has one of {@code otherSpaces} (the white space other than the space itself), or two
     * spaces together. Searches for one character each, quicker than the pattern's scan.
     */
    static boolean hasRunToCollapse(String text, String otherSpaces) {
        for (int i = 0; i < otherSpaces.length(); i++) {
            if (text.indexOf(otherSpaces.charAt(i)) >= 0) {
                return true;
            }
        }
        return text.contains("  ");
    }

    private static boolean hardBreakEndsAt(String text, int end) {
        return end >= 2 && text.charAt(end - 1) == '\n' && text.charAt(end - 2) == '\\';
    }

    private static void inline(Node node, StringBuilder out) {
        if (node instanceof TextNode text) {
            out.append(escape(collapse(text.getWholeText())));
            return;
        }
        if (!(node instanceof Element element)) {
            return; // comments
        }
        switch (element.normalName()) {
            case "br" -> out.append(HARD_BREAK);
            case "em", "i" -> emphasis("*", element, out);
            case "strong", "b" -> emphasis("**", element, out);
            case "a" -> link(element, out);
            case "img" -> image(element, out);
            case "code" -> code(element, out);
            case "span", "u", "font" -> children(element, out);
            default -> throw new Unconvertible(element.normalName());
        }
    }

    private static void children(Element element, StringBuilder out) {
        for (Node child : element.childNodes()) {
            inline(child, out);
        }
    }

    private static void emphasis(String delimiter, Element element, StringBuilder out) {
        StringBuilder inner = new StringBuilder();
        children(element, inner);
        String text = inner.toString();
        String core = text.strip();
        if (core.isEmpty()) {
            out.append(text.isEmpty() ? "" : " ");
            return;
        }
        // "***x***" would read as emphasis around strong: strong around emphasis is "__*x*__"
        boolean starry = core.startsWith("*") || (core.endsWith("*") && !core.endsWith("\\*"));
        String mark = delimiter.equals("**") && starry ? "__" : delimiter;
        out.append(text.startsWith(" ") ? " " : "").append(mark).append(core).append(mark);
        out.append(text.endsWith(" ") ? " " : "");
    }

    private static void link(Element a, StringBuilder out) {
        if (!a.hasAttr("href") || a.getElementsByTag("a").size() > 1) {
            throw new Unconvertible("an anchor without an address, or links in a link");
        }
        StringBuilder inner = new StringBuilder();
        children(a, inner);
        String text = inner.toString();
        out.append(text.startsWith(" ") ? " " : "")
                .append('[')
                .append(text.strip())
                .append("](");
        out.append(destination(a.attr("href"))).append(title(a)).append(')');
        out.append(text.endsWith(" ") && !text.isBlank() ? " " : "");
    }

    private static void image(Element img, StringBuilder out) {
        if (!img.hasAttr("src") || img.hasAttr("width") || img.hasAttr("height")) {
            throw new Unconvertible("an image with a size, or none");
        }
        out.append("![").append(escape(img.attr("alt"))).append("](").append(destination(img.attr("src")));
        out.append(title(img)).append(')');
    }

    private static String title(Element element) {
        if (!element.hasAttr("title")) {
            return "";
        }
        String title = escape(element.attr("title")).replace("\"", "\\\"").replace("\n", " ");
        return " \"" + title + "\"";
    }

    /** A link's address; only those the site's sanitiser lets through are written as Markdown. */
    static String destination(String url) {
        String address = url.strip();
        int colon = address.indexOf(':');
        String scheme = colon < 0 ? "" : address.substring(0, colon);
        if (colon >= 0 && !scheme.matches(".*[/?#].*") && !SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
            throw new Unconvertible("an address the site does not link to");
        }
        String escaped = address.replace("\\", "\\\\").replaceAll("&(?=#?[A-Za-z0-9]+;)", "\\\\&");
        if (!ANGLE_NEEDED.matcher(address).find()) {
            return escaped;
        }
        if (address.contains("\n")) {
            throw new Unconvertible("an address over two lines");
        }
        return "<" + escaped.replace("<", "\\<").replace(">", "\\>") + ">";
    }

    private static void code(Element code, StringBuilder out) {
        if (code.childNodes().stream().anyMatch(n -> !(n instanceof TextNode))) {
            throw new Unconvertible("markup in code");
        }
        String text = code.wholeText().replace('\n', ' ');
        if (text.isEmpty()) {
            throw new Unconvertible("empty code");
        }
        int longest = 0;
        Matcher run = BACKTICKS.matcher(text);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = text.startsWith("`")
                || text.endsWith("`")
                || (text.startsWith(" ") && text.endsWith(" ") && !text.isBlank());
        String space = pad ? " " : "";
        out.append(fence).append(space).append(text).append(space).append(fence);
    }

    /** Text as Markdown that renders as that text. */
    static String escape(String text) {
        if (plain(text)) {
            return text;
        }
        String escaped = SIGNIFICANT.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
        escaped = escaped.replace("\u00A0", "&nbsp;");
        // "!" before a link written next would make it an image
        return escaped.endsWith("!") ? escaped.substring(0, escaped.length() - 1) + "\\!" : escaped;
    }

    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c == ' ') {
                continue; // the usual case, in two comparisons
            }
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '&', '\u00A0' -> {
                    return false;
                }
                default -> {}
            }
        }
        return !text.endsWith("!");
    }
}

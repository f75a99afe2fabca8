package org.broadsheet.wordpress;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.wordpress.MarkdownInline.Unconvertible;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * The block part of the HTML-to-Markdown conversion: paragraphs, headings, lists (nested),
 * block quotes, code blocks and rules. Anything else is {@link Unconvertible}.
 */
final class MarkdownBlocks {

    private static final Pattern BACKTICK_LINE = Pattern.compile("(?m)^ {0,3}(`{3,}|~{3,})");
    private static final Pattern LANGUAGE = Pattern.compile("(?:^|\\s)lang(?:uage)?-([A-Za-z0-9_+#.-]{1,40})");

    private MarkdownBlocks() {}

    /** The Markdown of each block, in order (null where a block cannot be written as Markdown). */
    static List<@Nullable String> of(List<HtmlBlocks.Block> blocks) {
        List<@Nullable String> markdown = new ArrayList<>();
        String previousList = "";
        boolean alternate = false;
        for (HtmlBlocks.Block block : blocks) {
            String name = block.html().normalName();
            boolean list = !block.reference() && (name.equals("ul") || name.equals("ol"));
            // two lists in a row would run together in Markdown unless their markers differ
            alternate = list && name.equals(previousList) && !alternate;
            previousList = list ? name : "";
            markdown.add(block.reference() ? block.html().text() : orNull(block.html(), alternate));
        }
        return markdown;
    }

    private static @Nullable String orNull(Element element, boolean alternate) {
        try {
            return block(element, alternate);
        } catch (Unconvertible e) {
            return null;
        }
    }

    static String block(Element element, boolean alternate) {
        String name = element.normalName();
        return switch (name) {
            case "p" -> MarkdownInline.paragraph(element.childNodes());
            case "h1", "h2", "h3", "h4", "h5", "h6" -> heading(element, name.charAt(1) - '0');
            case "ul", "ol" -> list(element, alternate);
            case "blockquote" -> quote(element);
            case "pre" -> code(element);
            case "hr" -> "---";
            default -> throw new Unconvertible(name);
        };
    }

    private static String heading(Element heading, int level) {
        String text = MarkdownInline.paragraph(heading.childNodes());
        if (text.contains("\n")) {
            throw new Unconvertible("a line break in a heading");
        }
        text = text.replaceFirst("(^| )(#+)$", "$1\\\\$2"); // not a closing sequence
        return "#".repeat(level) + (text.isEmpty() ? "" : " " + text);
    }

    /** A quote of blocks ({@link HtmlBlocks#of} made paragraphs of a quote of loose text). */
    private static String quote(Element quote) {
        List<String> parts = new ArrayList<>();
        List<HtmlBlocks.Block> blocks = new ArrayList<>();
        for (Node child : quote.childNodes()) {
            if (HtmlBlocks.isBlock(child)) {
                blocks.add(new HtmlBlocks.Block((Element) child, false));
            } else if (child instanceof Element || (child instanceof TextNode t && !t.isBlank())) {
                throw new Unconvertible("text beside blocks in a quote");
            }
        }
        for (String part : of(blocks)) {
            if (part == null) {
                throw new Unconvertible("a block in a quote");
            }
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String line : String.join("\n\n", parts).split("\n", -1)) {
            out.append(out.isEmpty() ? "" : "\n").append(line.isEmpty() ? ">" : "> " + line);
        }
        return out.toString();
    }

    private static String code(Element pre) {
        List<Node> children = pre.childNodes().stream()
                .filter(n -> !(n instanceof TextNode t && t.isBlank()))
                .toList();
        if (children.size() != 1
                || !(children.get(0) instanceof Element code)
                || !code.normalName().equals("code")
                || code.childNodes().stream().anyMatch(n -> !(n instanceof TextNode))) {
            throw new Unconvertible("a pre that is not only code");
        }
        String text = code.wholeText();
        int longest = 2;
        Matcher fences = BACKTICK_LINE.matcher(text);
        while (fences.find()) {
            longest = Math.max(longest, fences.group(1).length());
        }
        String fence = "`".repeat(longest + 1);
        Matcher language = LANGUAGE.matcher(code.className() + " " + pre.className());
        String info = language.find() ? language.group(1) : "";
        return fence + info + "\n" + text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + fence;
    }

    private static String list(Element list, boolean alternate) {
        boolean ordered = list.normalName().equals("ol");
        List<Element> items = new ArrayList<>();
        for (Node child : list.childNodes()) {
            if (child instanceof Element li && li.normalName().equals("li")) {
                items.add(li);
            } else if (!(child instanceof TextNode t && t.isBlank())) {
                throw new Unconvertible("something other than items in a list");
            }
        }
        boolean loose = items.stream().anyMatch(li -> !li.select("> p").isEmpty());
        long number = ordered && list.attr("start").matches("\\d{1,6}") ? Long.parseLong(list.attr("start")) : 1;
        StringBuilder out = new StringBuilder();
        for (Element li : items) {
            String marker = ordered ? (number++) + (alternate ? ")" : ".") : alternate ? "*" : "-";
            String content = item(li, loose);
            String indent = " ".repeat(marker.length() + 1);
            out.append(out.isEmpty() ? "" : loose ? "\n\n" : "\n").append(marker);
            out.append(content.isEmpty() ? "" : " " + content.replaceAll("\n(?=.)", "\n" + indent));
        }
        return out.toString();
    }

    /** A list item's content: its text, then its blocks (a nested list on the next line). */
    private static String item(Element li, boolean loose) {
        List<String> parts = new ArrayList<>();
        List<Node> run = new ArrayList<>();
        String previousList = "";
        boolean alternate = false;
        for (Node child : li.childNodes()) {
            if (!HtmlBlocks.isBlock(child)) {
                run.add(child);
                continue;
            }
            addRun(run, parts);
            Element block = (Element) child;
            boolean list = block.normalName().equals("ul") || block.normalName().equals("ol");
            alternate = list && block.normalName().equals(previousList) && !alternate;
            previousList = list ? block.normalName() : "";
            parts.add(block(block, alternate));
        }
        addRun(run, parts);
        return String.join(loose ? "\n\n" : "\n", parts);
    }

    private static void addRun(List<Node> run, List<String> parts) {
        String text = MarkdownInline.paragraph(run);
        if (!text.isEmpty()) {
            parts.add(text);
        }
        run.clear();
    }
}

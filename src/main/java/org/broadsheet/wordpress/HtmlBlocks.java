package org.broadsheet.wordpress;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * The top-level blocks of a piece of WordPress HTML, as WordPress shows them: block elements
 * stay as they are, and the text and inline elements between them become paragraphs the way
 * WordPress's {@code wpautop} makes them for classic-editor posts (a blank line ends a
 * paragraph, a single line break is a {@code <br>}). A line that is only a story reference
 * ({@code [[related: 42]]}, written by {@link WxrLinks}) is a block of its own.
 */
final class HtmlBlocks {

    static final Pattern REFERENCE = Pattern.compile("\\[\\[\\s*(related|read-more)\\s*:\\s*[A-Za-z0-9-]{1,120}\\s*]]");

    private static final Set<String> BLOCK = Set.of(
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "dl",
            "li",
            "dd",
            "dt",
            "blockquote",
            "pre",
            "hr",
            "figure",
            "figcaption",
            "table",
            "caption",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "td",
            "th",
            "div",
            "section",
            "article",
            "aside",
            "header",
            "footer",
            "nav",
            "main",
            "address",
            "details",
            "summary",
            "fieldset",
            "form",
            "iframe",
            "script",
            "style",
            "noscript",
            "video",
            "audio",
            "object",
            "embed",
            "canvas",
            "svg",
            "math",
            "center",
            "template");

    /**
     * One block: an element (a paragraph made from loose text is a new {@code p}), or a story
     * reference line, whose {@code html} is a paragraph holding the reference's text.
     */
    record Block(Element html, boolean reference) {}

    private HtmlBlocks() {}

    static boolean isBlock(Node node) {
        return node instanceof Element e && BLOCK.contains(e.normalName());
    }

    /** The blocks of {@code container}'s children; moves its children into them. */
    static List<Block> of(Element container) {
        List<Block> blocks = new ArrayList<>();
        List<Node> run = new ArrayList<>();
        for (Node child : new ArrayList<>(container.childNodes())) {
            if (isBlock(child)) {
                paragraphs(run, blocks);
                run.clear();
                Element block = (Element) child;
                if (block.normalName().equals("blockquote") && loose(block)) {
                    paragraphsIn(block);
                }
                blocks.add(new Block(block, false));
            } else if (child instanceof TextNode || child instanceof Element) {
                run.add(child);
            }
        }
        paragraphs(run, blocks);
        return blocks;
    }

    /**
     * WordPress's {@code wpautop} makes paragraphs inside a quote of loose text too: its content
     * becomes blocks, in place. A quote of blocks (and the block editor's {@code cite}) is left.
     */
    private static void paragraphsIn(Element quote) {
        List<Block> inner = of(quote);
        quote.empty();
        for (Block block : inner) {
            quote.appendChild(block.html());
        }
    }

    /** Cuts a run of text and inline elements into lines, then lines into paragraphs. */
    private static void paragraphs(List<Node> run, List<Block> blocks) {
        @Nullable Element paragraph = null;
        for (List<Node> l : lines(run)) {
            String reference = reference(l);
            if (blank(l) || reference != null) {
                add(paragraph, blocks);
                paragraph = null;
                if (reference != null) {
                    blocks.add(new Block(new Element("p").appendText(reference), true));
                }
                continue;
            }
            if (paragraph == null) {
                paragraph = new Element("p");
            } else if (!endsWithBreak(paragraph)) {
                paragraph.appendElement("br");
            }
            for (Node node : l) {
                paragraph.appendChild(node);
            }
        }
        add(paragraph, blocks);
    }

    private static List<List<Node>> lines(List<Node> run) {
        List<List<Node>> lines = new ArrayList<>();
        List<Node> line = new ArrayList<>();
        for (Node node : run) {
            if (!(node instanceof TextNode text)) {
                line.add(node);
                continue;
            }
            String[] pieces = text.getWholeText().split("\n", -1);
            for (int i = 0; i < pieces.length; i++) {
                if (i > 0) {
                    lines.add(line);
                    line = new ArrayList<>();
                }
                if (!pieces[i].isEmpty()) {
                    line.add(new TextNode(pieces[i]));
                }
            }
        }
        lines.add(line);
        return lines;
    }

    private static boolean loose(Element quote) {
        return quote.childNodes().stream()
                .anyMatch(n -> (n instanceof TextNode t && !t.isBlank())
                        || (n instanceof Element e
                                && !isBlock(e)
                                && !e.normalName().equals("cite")));
    }

    private static void add(@Nullable Element paragraph, List<Block> blocks) {
        if (paragraph != null) {
            blocks.add(new Block(paragraph, false));
        }
    }

    private static boolean blank(List<Node> line) {
        return line.stream().allMatch(n -> n instanceof TextNode t && t.isBlank());
    }

    private static @Nullable String reference(List<Node> line) {
        StringBuilder text = new StringBuilder();
        for (Node node : line) {
            if (!(node instanceof TextNode t)) {
                return null;
            }
            text.append(t.getWholeText());
        }
        String stripped = text.toString().strip();
        return REFERENCE.matcher(stripped).matches() ? stripped : null;
    }

    private static boolean endsWithBreak(Element paragraph) {
        for (int i = paragraph.childNodeSize() - 1; i >= 0; i--) {
            Node node = paragraph.childNode(i);
            if (node instanceof TextNode t && t.isBlank()) {
                continue;
            }
            return node instanceof Element e && e.normalName().equals("br");
        }
        return false;
    }
}

package org.broadsheet.wordpress;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether two texts of sanitised HTML read the same, found without making either canonical
 * ({@link SameRendering#canonical} parses the HTML and walks it; this is a scan). They do when
 * they are equal once the line breaks that follow a block's tag are taken out: CommonMark
 * writes one after each block, and WordPress's blocks, joined, come without. The answer "not
 * the same" says nothing: compare the canonical forms then. It is said whenever a line break
 * might be seen after all:
 * <ul>
 *   <li>in a {@code pre}, where it is content;
 *   <li>where a formatting element is open ({@code em}, {@code a}…), which the HTML parser
 *       opens again after a block with any text in it, a line break included;
 *   <li>when the parser would not build the tree the tags write: an element closed by the
 *       start of another ({@code p} by a block, a heading by a heading, a list item by a list
 *       item), a table's part outside a table or anything but its parts directly in it, a link
 *       in a link. The sanitiser balances tags, but lets those through.
 * </ul>
 * {@code PlainlySameTests} checks this against the canonical forms on sanitised HTML of any
 * nesting. Thread-safe.
 */
final class PlainlySame {

    /** Blocks after whose start or end tag a line break is not seen ({@code hr} too). */
    private static final Set<String> BEFORE_UNSEEN_BREAK = Set.of(
            "p",
            "li",
            "ul",
            "ol",
            "blockquote",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "figure",
            "figcaption",
            "dl",
            "dt",
            "dd");
    /** HTML's formatting elements, which its parser opens again after a block that interrupted them. */
    private static final Set<String> FORMATTING =
            Set.of("a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u");

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Start tags that close an open {@code p} (HTML's parsing rules), {@code hr} and the headings included. */
    private static final Set<String> CLOSE_P = Stream.concat(
                    HEADINGS.stream(),
                    Stream.of(
                            "address",
                            "article",
                            "aside",
                            "blockquote",
                            "center",
                            "details",
                            "dialog",
                            "dir",
                            "div",
                            "dl",
                            "fieldset",
                            "figcaption",
                            "figure",
                            "footer",
                            "header",
                            "hgroup",
                            "main",
                            "menu",
                            "nav",
                            "ol",
                            "p",
                            "section",
                            "summary",
                            "ul",
                            "pre",
                            "listing",
                            "form",
                            "li",
                            "dd",
                            "dt",
                            "table",
                            "hr"))
            .collect(Collectors.toUnmodifiableSet());

    private static final Set<String> TABLE_PARTS =
            Set.of("caption", "colgroup", "thead", "tbody", "tfoot", "tr", "td", "th");
    /** What may open directly in a table's part (its other children the parser moves out of it). */
    private static final Map<String, Set<String>> TABLE_CHILDREN = Map.of(
            "table", Set.of("caption", "thead", "tbody", "tfoot"),
            "thead", Set.of("tr"),
            "tbody", Set.of("tr"),
            "tfoot", Set.of("tr"),
            "tr", Set.of("td", "th"));

    private PlainlySame() {}

    static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.contains("<pre") || b.contains("<pre") || !nestsAsWritten(a)) {
            return false; // b has a's tags, or the comparison below fails
        }
        int i = 0;
        int j = 0;
        int formatting = 0; // formatting elements open here, in both (they differ only in line breaks)
        while (true) {
            // Up to the next tag or line break of either, the two must be equal, character for character.
            int run = Math.min(nextMark(a, i), nextMark(b, j));
            if (!a.regionMatches(i, b, j, run)) {
                return false;
            }
            i += run;
            j += run;
            if (i == a.length() && j == b.length()) {
                return true;
            }
            boolean skipA = formatting == 0 && i < a.length() && a.charAt(i) == '\n' && afterBlockTag(a, i);
            boolean skipB = formatting == 0 && j < b.length() && b.charAt(j) == '\n' && afterBlockTag(b, j);
            if (skipA || skipB) {
                i += skipA ? 1 : 0;
                j += skipB ? 1 : 0;
            } else if (i < a.length() && j < b.length() && a.charAt(i) == b.charAt(j)) {
                if (a.charAt(i) == '<') {
                    formatting += formattingChange(a, i);
                }
                i++;
                j++;
            } else {
                return false;
            }
        }
    }

    /** How many characters from {@code at} come before the next {@code <} or line break (or the end). */
    private static int nextMark(String text, int at) {
        int tag = text.indexOf('<', at);
        int stop = tag < 0 ? text.length() : tag;
        int lineBreak = text.indexOf('\n', at);
        return (lineBreak >= 0 && lineBreak < stop ? lineBreak : stop) - at;
    }

    /** +1 for the start tag of a formatting element at {@code at}, -1 for its end tag, else 0. */
    private static int formattingChange(String text, int at) {
        String tag = tagName(text, at);
        boolean end = tag.startsWith("/");
        return FORMATTING.contains(end ? tag.substring(1) : tag) ? (end ? -1 : 1) : 0;
    }

    /** Whether the HTML parser builds the very tree {@code html}'s tags write (see the class). */
    static boolean nestsAsWritten(String html) {
        Deque<String> open = new ArrayDeque<>();
        for (int at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
            String tag = tagName(html, at);
            if (tag.isEmpty() || tag.equals("/")) {
                return false; // not a tag the sanitiser writes
            } else if (tag.startsWith("/")) {
                if (!tag.substring(1).equals(open.poll())) {
                    return false;
                }
            } else if (!opensAsWritten(tag, open)) {
                return false;
            } else if (!SameRendering.VOID.contains(tag)) {
                open.push(tag);
            }
        }
        return open.isEmpty();
    }

    private static boolean opensAsWritten(String tag, Deque<String> open) {
        String current = open.peek();
        Set<String> children = current == null ? null : TABLE_CHILDREN.get(current);
        if (children != null ? !children.contains(tag) : TABLE_PARTS.contains(tag)) {
            return false; // fostered out of the table, or dropped outside one
        }
        return !(CLOSE_P.contains(tag) && open.contains("p")
                || HEADINGS.contains(tag) && current != null && HEADINGS.contains(current)
                || tag.equals("li") && nearer(open, Set.of("li"), Set.of("ul", "ol"))
                || (tag.equals("dd") || tag.equals("dt")) && nearer(open, Set.of("dd", "dt"), Set.of("dl"))
                || tag.equals("a") && open.contains("a"));
    }

    /** Whether one of {@code names} is open more recently than any of {@code stops}. */
    private static boolean nearer(Deque<String> open, Set<String> names, Set<String> stops) {
        for (String element : open) {
            if (names.contains(element)) {
                return true;
            }
            if (stops.contains(element)) {
                return false;
            }
        }
        return false;
    }

    /** The name of the tag that starts at {@code at}, with its {@code /} if it is an end tag. */
    private static String tagName(String text, int at) {
        int stop = at + 1;
        if (stop < text.length() && text.charAt(stop) == '/') {
            stop++;
        }
        while (stop < text.length() && Character.isLetterOrDigit(text.charAt(stop))) {
            stop++;
        }
        return text.substring(at + 1, stop);
    }

    /** Whether {@code text} has a start or end tag of {@link #BEFORE_UNSEEN_BREAK}, or {@code <hr />}, just before {@code at}. */
    private static boolean afterBlockTag(String text, int at) {
        if (at == 0 || text.charAt(at - 1) != '>') {
            return false;
        }
        int open = text.lastIndexOf('<', at - 1);
        if (open < 0 || at - open > 14) {
            return false;
        }
        String tag = text.substring(open + 1, at - 1);
        return tag.equals("hr /") || BEFORE_UNSEEN_BREAK.contains(tag.startsWith("/") ? tag.substring(1) : tag);
    }
}

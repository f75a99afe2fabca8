package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.broadsheet.web.HtmlSanitizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For generated WordPress bodies (both editors' markup, text full of Markdown's signs, links,
 * images, lists, quotes, code, tables, hostile markup), what a reader gets from the converted
 * Markdown is what WordPress showed, sanitised; and a body made only of what Markdown can say
 * comes out with no HTML left. Each seed is one body, so a failure names the body to replay.
 */
class HtmlMarkdownPropertyTests {

    private static final HtmlSanitizer SANITIZER = new HtmlSanitizer();
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "\\s*(</?(?:p|h\\d|ul|ol|li|blockquote|pre|hr|table|tbody|thead|tr|td|th|figure|figcaption|br)\\b[^>]*>)\\s*");
    private static final Pattern HTML_LEFT =
            Pattern.compile("(?m)^<(?:p|div|ul|ol|h\\d|blockquote|pre|figure|table)\\b");

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void readersSeeWhatWordPressShowed(long seed) {
        Body body = new Generator(new Random(seed)).body();

        String markdown = HtmlMarkdown.convert(body.source());

        assertThat(normalised(HtmlMarkdownTests.rendered(markdown)))
                .as("seed %d, source:%n%s%nmarkdown:%n%s", seed, body.source(), markdown)
                .isEqualTo(normalised(SANITIZER.sanitize(body.shown()).html()));
        if (body.convertible()) {
            assertThat(HTML_LEFT.matcher(markdown).find())
                    .as("seed %d, source:%n%s%nmarkdown:%n%s", seed, body.source(), markdown)
                    .isFalse();
        }
    }

    /** Attributes sorted, b and i as strong and em, whitespace runs one space and none beside block tags. */
    static String normalised(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        for (Element element : document.body().getAllElements()) {
            List<Attribute> attributes = new ArrayList<>(element.attributes().asList());
            attributes.forEach(a -> element.removeAttr(a.getKey()));
            attributes.stream()
                    .sorted(Comparator.comparing(Attribute::getKey))
                    .forEach(a -> element.attr(a.getKey(), a.getValue()));
            if (element.normalName().equals("b")) {
                element.tagName("strong");
            } else if (element.normalName().equals("i")) {
                element.tagName("em");
            }
        }
        String text = document.body().html().replaceAll("\\s+", " ");
        return BLOCK_TAG.matcher(text).replaceAll("$1").strip();
    }

    /** A body as WordPress stores it, and the HTML WordPress showed for it. */
    record Body(String source, String shown, boolean convertible) {}

    /** Makes random bodies; {@code convertible} stays true while only Markdown's constructs are used. */
    static final class Generator {

        private static final String[] WORDS = {
            "tide",
            "harbour",
            "a*b",
            "_x_",
            "[note]",
            "&lt;b&gt;",
            "#hash",
            "1.",
            "2)",
            "-",
            "+",
            "&amp;copy;",
            "&#8220;quoted&#8221;",
            "\uD83D\uDC19",
            "\uD835\uDD38",
            "\\",
            "`",
            "``x``",
            "!",
            "~~~",
            "a_b_c",
            "http://x.example",
            "&nbsp;",
            "=",
            "&gt;",
            "*",
            "**",
            "![x](y)",
            "caf&eacute;",
            "AT&amp;T",
            "|"
        };
        private static final String[] HREFS = {
            "https://x.example/p?a=1&amp;b=2", "/local path", "/p(1)", "mailto:desk@x.example", "#top", "/a\\b"
        };

        private final Random random;
        private boolean convertible = true;

        Generator(Random random) {
            this.random = random;
        }

        Body body() {
            List<String> source = new ArrayList<>();
            StringBuilder shown = new StringBuilder();
            int blocks = 1 + random.nextInt(6);
            for (int i = 0; i < blocks; i++) {
                String[] block = block();
                source.add(block[0]);
                shown.append(block[1]).append('\n');
            }
            return new Body(String.join("\n\n", source), shown.toString(), convertible);
        }

        private String[] block() {
            int kind = random.nextInt(14);
            return switch (kind) {
                case 0, 1 -> same("<p>" + inline(2, true) + "</p>");
                case 2, 3 -> loose();
                case 4 -> heading(2 + random.nextInt(4));
                case 5, 6 -> same(list(2));
                case 7 -> quote();
                case 8 -> same("<pre><code>" + word() + "\n  " + word() + "\n\n" + word() + "\n</code></pre>");
                case 9 -> same("<hr />");
                case 10 -> unconvertible("<table><tr><td>" + inline(1, false) + "</td></tr></table>");
                case 11 ->
                    unconvertible("<figure><img src=\"/a.jpg\" alt=\"\"><figcaption>" + inline(1, false)
                            + "</figcaption></figure>");
                case 12 -> unconvertible("<p>H<sub>2</sub>O " + inline(1, true) + "</p>");
                default -> hostile();
            };
        }

        private String[] heading(int level) {
            return same("<h" + level + ">" + inline(1, false) + "</h" + level + ">");
        }

        private String[] same(String html) {
            return new String[] {html, html};
        }

        private String[] unconvertible(String html) {
            convertible = false;
            return same(html);
        }

        private String[] loose() {
            List<String> lines = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                lines.add(inline(2, false));
            }
            return new String[] {String.join("\n", lines), "<p>" + String.join("<br>", lines) + "</p>"};
        }

        private String[] quote() {
            String text = inline(1, true);
            String paragraph = "<p>" + inline(1, true) + "</p>";
            return new String[] {
                "<blockquote>" + text + "\n\n" + paragraph + "</blockquote>",
                "<blockquote><p>" + text + "</p>" + paragraph + "</blockquote>"
            };
        }

        private String[] hostile() {
            convertible = false;
            return switch (random.nextInt(3)) {
                case 0 -> new String[] {"<script>alert(1)</script>", ""};
                case 1 ->
                    same("<p onclick=\"x()\">" + word() + " <a href=\"javascript:alert(1)\">" + word() + "</a></p>");
                default -> new String[] {"<iframe src=\"https://evil.example/\"></iframe>", ""};
            };
        }

        private String list(int depth) {
            String tag = random.nextBoolean() ? "ul" : "ol";
            StringBuilder out = new StringBuilder("<" + tag + ">");
            int items = 1 + random.nextInt(3);
            for (int i = 0; i < items; i++) {
                out.append("<li>").append(inline(1, false));
                if (depth > 0 && random.nextInt(3) == 0) {
                    out.append(list(depth - 1));
                }
                out.append("</li>");
            }
            return out.append("</").append(tag).append(">").toString();
        }

        /** Words and inline markup, separated by spaces, never starting or ending with a break. */
        private String inline(int depth, boolean breaks) {
            return inline(depth, breaks, "");
        }

        /**
         * {@code open} names the elements this text is in: HTML may nest a link in a link or
         * emphasis in emphasis, Markdown cannot (a body with them is not {@code convertible}).
         */
        private String inline(int depth, boolean breaks, String open) {
            List<String> pieces = new ArrayList<>();
            int n = 1 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                if (breaks && i > 0 && random.nextInt(8) == 0) {
                    pieces.add("<br>");
                }
                pieces.add(piece(depth, open));
            }
            return String.join(" ", pieces);
        }

        private String piece(int depth, String open) {
            int kind = random.nextInt(depth > 0 ? 10 : 6);
            String tag = kind == 6 ? "em" : kind == 7 ? "strong" : kind == 8 ? "a" : "";
            if (!tag.isEmpty() && open.contains("<" + tag + ">")) {
                kind = 0;
            }
            return switch (kind) {
                case 6, 7 -> "<" + tag + ">" + inline(depth - 1, false, open + "<" + tag + ">") + "</" + tag + ">";
                case 8 -> link(depth, open);
                case 9 -> random.nextBoolean() ? "<code>" + word() + "</code>" : image();
                default -> open.isEmpty() ? word() : word().replace("&nbsp;", "tide");
            };
        }

        private String link(int depth, String open) {
            String title = random.nextBoolean() ? "" : " title=\"" + word().replace("\"", "&quot;") + "\"";
            return "<a href=\"" + HREFS[random.nextInt(HREFS.length)] + "\"" + title + ">"
                    + inline(depth - 1, false, open + "<a>") + "</a>";
        }

        private String image() {
            if (random.nextInt(4) == 0) {
                convertible = false;
                return "<img src=\"/b.jpg\" alt=\"\" width=\"10\" height=\"10\">";
            }
            return "<img src=\"/b.jpg\" alt=\"" + word().replace("\"", "&quot;") + "\">";
        }

        private String word() {
            return WORDS[random.nextInt(WORDS.length)];
        }
    }
}

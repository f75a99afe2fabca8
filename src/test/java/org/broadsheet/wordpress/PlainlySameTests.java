package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.broadsheet.web.HtmlSanitizer;
import org.junit.jupiter.api.Test;

/**
 * The quick comparison of {@link PlainlySame}: the line breaks CommonMark writes
 * after each block are not seen, any other difference is, and a {@code pre} is always left to the
 * canonical forms. On generated HTML it never says "same" where the canonical forms differ.
 */
class PlainlySameTests {

    private static final SameRendering RENDERING = new SameRendering(new HtmlSanitizer());
    private static final List<String> TAGS = List.of(
            "p",
            "ul",
            "ol",
            "li",
            "blockquote",
            "h2",
            "h3",
            "em",
            "strong",
            "code",
            "pre",
            "dl",
            "dd",
            "figure",
            "td",
            "tr");
    private static final List<String> TEXTS =
            List.of("tide", " ", "low tide", "&amp;", "a\nb", "  ", "\n", "<", "x\ty");

    @Test
    void commonMarksLineBreaksBetweenBlocksAreNotSeen() {
        assertThat(
                        PlainlySame.same(
                                "<p>Tide</p><ul><li>one</li><li>two</li></ul><hr /><blockquote><p>Said</p></blockquote>",
                                "<p>Tide</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<hr />\n<blockquote>\n<p>Said</p>\n</blockquote>\n"))
                .isTrue();
    }

    @Test
    void anyOtherDifferenceIsSeen() {
        assertThat(PlainlySame.same("<p>low\ntide</p>", "<p>lowtide</p>")).isFalse();
        assertThat(PlainlySame.same("<p><em>\ntide</em></p>", "<p><em>tide</em></p>"))
                .isFalse();
        assertThat(PlainlySame.same("<p>tide</p>\n\n", "<p>tide</p>")).isFalse();
        assertThat(PlainlySame.same("<p>tide</p>", "<p>tides</p>")).isFalse();
        assertThat(PlainlySame.same("<p>tide</p>", "<p>tide</p><p></p>")).isFalse();
    }

    @Test
    void aTreeTheParserBuildsOtherwiseIsLeftToTheCanonicalForms() {
        // The inner heading closes the outer one; the second end tag is dropped, and the line
        // break after it joins "b" and "c": "b c" against "bc".
        String stray = "<h2><h2>a</h2>b</h2>";
        assertThat(SameRendering.canonical(stray + "\nc")).isNotEqualTo(SameRendering.canonical(stray + "c"));
        assertThat(PlainlySame.same(stray + "\nc", stray + "c")).isFalse();
        for (String html : List.of(
                "<h2><h2>a</h2></h2>",
                "<ul><li><li>a</li></li></ul>",
                "<p><ul><li>a</li></ul></p>",
                "<p><hr /></p>",
                "<td>a</td>",
                "<table><p>a</p></table>",
                "<table><tbody><tr><td>a</td></tr></tbody></table><tr>",
                "<a href=\"https://a.example\"><a href=\"https://b.example\">b</a></a>",
                "<dl><dd><dt>a</dt></dd></dl>",
                "<p>a</em></p>")) {
            assertThat(PlainlySame.nestsAsWritten(html)).as(html).isFalse();
        }
        for (String html : List.of(
                "<p>Tide <em>low</em></p>\n<ul>\n<li><p>one</p>\n<ul>\n<li>two</li>\n</ul>\n</li>\n</ul>\n",
                "<blockquote>\n<p>Said</p>\n</blockquote>\n<hr />\n<h2>Next</h2>",
                "<table><tbody><tr><td><p>a</p></td></tr></tbody></table><dl><dt>a</dt><dd>b</dd></dl>")) {
            assertThat(PlainlySame.nestsAsWritten(html)).as(html).isTrue();
        }
    }

    @Test
    void aPreIsLeftToTheCanonicalForms() {
        assertThat(PlainlySame.same("<pre>tide</pre>", "<pre>tide</pre>\n")).isFalse();
        assertThat(PlainlySame.same("<pre>tide</pre>", "<pre>tide</pre>")).isTrue();
    }

    /**
     * Balanced HTML of any nesting with line breaks here and there, and the same with one line
     * break after one tag put in or taken out; both sanitised (the quick comparison is for the
     * sanitiser's output, which closes what HTML closes implicitly, such as a list item opened
     * in another).
     */
    @Test
    void neverSameWhereTheCanonicalFormsDiffer() {
        int same = 0;
        for (long seed = 0; seed < 30000; seed++) {
            Random random = new Random(seed);
            List<String> pieces = new ArrayList<>();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                node(random, 0, pieces);
            }
            List<Integer> tags = new ArrayList<>();
            for (int k = 0; k < pieces.size(); k++) {
                if (pieces.get(k).startsWith("<")) {
                    tags.add(k);
                }
            }
            if (tags.isEmpty()) {
                continue; // text alone: no tag to put a line break after
            }
            int toggled = tags.get(random.nextInt(tags.size()));
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < pieces.size(); k++) {
                a.append(pieces.get(k));
                b.append(pieces.get(k));
                boolean lineBreak = k + 1 < pieces.size() && pieces.get(k + 1).equals("\n");
                if (k == toggled) {
                    b.append(lineBreak ? "" : "\n");
                    k += lineBreak ? 1 : 0;
                    a.append(lineBreak ? "\n" : "");
                }
            }
            String sanitisedA = RENDERING.sanitised(a.toString());
            String sanitisedB = RENDERING.sanitised(b.toString());
            if (PlainlySame.same(sanitisedA, sanitisedB)) {
                same++;
                assertThat(SameRendering.canonical(sanitisedB))
                        .as("seed %d: [%s] and [%s]", seed, sanitisedA, sanitisedB)
                        .isEqualTo(SameRendering.canonical(sanitisedA));
            }
        }
        assertThat(same).as("pairs found the same").isGreaterThan(5000);
    }

    private static void node(Random random, int depth, List<String> pieces) {
        int kind = depth > 3 ? 0 : random.nextInt(8);
        switch (kind) {
            case 0 -> piece(TEXTS.get(random.nextInt(TEXTS.size())), random, pieces);
            case 1 -> piece(random.nextBoolean() ? "<hr />" : "<br />", random, pieces);
            case 2 -> {
                piece("<table><tbody><tr><td>", random, pieces);
                node(random, depth + 1, pieces);
                piece("</td></tr></tbody></table>", random, pieces);
            }
            default -> {
                String tag = TAGS.get(random.nextInt(TAGS.size()));
                piece("<" + tag + ">", random, pieces);
                for (int n = random.nextInt(3); n >= 0; n--) {
                    node(random, depth + 1, pieces);
                }
                piece("</" + tag + ">", random, pieces);
            }
        }
    }

    /** {@code piece}, then a line break or not, at random. */
    private static void piece(String piece, Random random, List<String> pieces) {
        pieces.add(piece);
        if (random.nextInt(4) == 0) {
            pieces.add("\n");
        }
    }

    @Test
    void bodiesWrittenByCommonMarkAndByWordPressAreFoundTheSame() {
        SameRendering rendering = RENDERING;
        List<String[]> pairs = new ArrayList<>();
        pairs.add(new String[] {
            "<p>The ferry ran <em>late</em> &amp; full.</p><h2>Harbour</h2><ol><li>Nets</li><li>Ropes</li></ol>",
            "The ferry ran *late* & full.\n\n## Harbour\n\n1. Nets\n2. Ropes"
        });
        pairs.add(new String[] {
            "<blockquote><p>Calm seas, said the pilot.</p></blockquote><hr><p>Next <a href=\"https://tides.example/a\">tide</a></p>",
            "> Calm seas, said the pilot.\n\n---\n\nNext [tide](https://tides.example/a)"
        });
        for (String[] pair : pairs) {
            String wordpress = rendering.sanitised(pair[0]);
            String commonMark = rendering.renderedSanitised(pair[1]);
            assertThat(PlainlySame.same(wordpress, commonMark))
                    .as("[%s] and [%s]", wordpress, commonMark)
                    .isTrue();
        }
    }
}

package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.broadsheet.web.HtmlSanitizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Markdown in, stored HTML out: sanitising and story references. */
class BodyRendererTests {

    private final BodyRenderer renderer = new BodyRenderer(new HtmlSanitizer());
    private final Map<String, Long> known = Map.of("trade-talks-resume", 7L, "42", 42L);

    private RenderedBody render(String markdown) {
        return renderer.render(markdown, ref -> Optional.ofNullable(known.get(ref.key())));
    }

    private String html(String markdown) {
        return render(markdown).html();
    }

    /**
     * One body as written.
     *
     * @param html  the exact HTML stored for it
     * @param never what may never appear in that HTML (ignoring case), whatever the expected string says
     */
    record Case(String behaviour, String markdown, String html, List<String> never) {

        @Override
        public String toString() {
            return behaviour;
        }
    }

    static Stream<Case> sanitised() {
        return Stream.of(
                new Case(
                        "renders paragraphs, subheadings, quotes and lists",
                        """
                        First paragraph with *emphasis*.

                        ## Race for influence

                        > A quoted sentence.

                        - one
                        - two
                        """,
                        "<p>First paragraph with <em>emphasis</em>.</p>\n<h2>Race for influence</h2>\n"
                                + "<blockquote>\n<p>A quoted sentence.</p>\n</blockquote>\n"
                                + "<ul><li>one</li><li>two</li></ul>\n",
                        List.of()),
                new Case(
                        "level-one headings become level two, because the page owns its h1",
                        "# Big heading\n\n<h1>raw</h1>",
                        "<h2>Big heading</h2>\n<h2>raw</h2>\n",
                        List.of("<h1")),
                new Case(
                        "script elements are removed",
                        "Hello <script>alert(1)</script>\n\n<script>alert(2)</script>",
                        "<p>Hello </p>\n\n",
                        List.of("<script", "alert(2)")),
                new Case(
                        "event-handler attributes are removed",
                        "<img src=\"/a.png\" alt=\"a\" onerror=\"alert(1)\"> <a href=\"/x\" onclick=\"alert(2)\">x</a>",
                        "<p><img src=\"/a.png\" alt=\"a\" /> <a href=\"/x\">x</a></p>\n",
                        List.of("onerror", "onclick", "alert")),
                new Case(
                        "javascript: and data: URLs are removed",
                        "[click](javascript:alert(1)) <a href=\"JaVaScRiPt:alert(2)\">two</a> "
                                + "![x](data:image/png;base64,AAAA) <a href=\"data:text/html,hi\">three</a>",
                        "<p>click two <img alt=\"x\" /> three</p>\n",
                        List.of("javascript:", "data:")),
                new Case(
                        "iframes, objects and forms are removed",
                        "<iframe src=\"https://example.com\"></iframe><object data=\"x\"></object>"
                                + "<form action=\"/x\"><input name=\"q\"></form>",
                        "\n",
                        List.of("<iframe", "<object", "<form", "<input")),
                new Case(
                        "style attributes and elements are removed",
                        "<p style=\"color:red\">red</p><style>body{display:none}</style>",
                        "<p>red</p>\n",
                        List.of("style", "display:none")),
                new Case(
                        "external links get noopener and site links do not",
                        "[out](https://www.example.org/report) and [in](/americas)",
                        "<p><a href=\"https://www.example.org/report\" rel=\"noopener\">out</a>"
                                + " and <a href=\"/americas\">in</a></p>\n",
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sanitised")
    void markdownIsStoredAsExactlyThisHtml(Case c) {
        String html = html(c.markdown());
        assertThat(html).isEqualTo(c.html());
        c.never().forEach(unwanted -> assertThat(html).doesNotContainIgnoringCase(unwanted));
    }

    @Test
    void storyReferencesBecomeMarkersNamingTheTargetId() {
        RenderedBody body = render("""
                Before.

                [[related: trade-talks-resume]]

                Middle.

                [[read-more: 42]]
                """);
        assertThat(body.html())
                .isEqualTo("<p>Before.</p>\n<!--ref:related:7--><p>Middle.</p>\n<!--ref:read-more:42-->");
        assertThat(body.references())
                .extracting(RenderedBody.ResolvedReference::targetId)
                .containsExactly(7L, 42L);
        assertThat(body.warnings()).isEmpty();
    }

    @Test
    void referenceToUnknownArticleIsDroppedWithAWarning() {
        RenderedBody body = render("Text.\n\n[[related: no-such-story]]\n");
        assertThat(body.html())
                .isEqualTo("<p>Text.</p>\n")
                .doesNotContain("<!--")
                .doesNotContain("no-such-story");
        assertThat(body.warnings())
                .containsExactly("The related reference \"no-such-story\" names no article; readers will not see it");
    }

    @Test
    void referenceInsideOtherTextIsLeftAsText() {
        assertThat(html("See [[related: trade-talks-resume]] for more."))
                .isEqualTo("<p>See [[related: trade-talks-resume]] for more.</p>\n")
                .doesNotContain("<!--ref");
    }

    @Test
    void markersCannotBeForgedFromMarkdown() {
        String html = html("<!--ref:related:7-->\n\nText <!--ref:read-more:42--> and `<!--ref:related:7-->`");
        assertThat(html).isEqualTo("\n<p>Text  and <code>&lt;!--ref:related:7--&gt;</code></p>\n");
        assertThat(BodyRenderer.MARKER.matcher(html).find()).isFalse();
    }
}

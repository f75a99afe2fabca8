package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.broadsheet.web.HtmlSanitizer;
import org.junit.jupiter.api.Test;

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

    @Test
    void rendersParagraphsSubheadingsQuotesAndLists() {
        String html = html("""
                First paragraph with *emphasis*.

                ## Race for influence

                > A quoted sentence.

                - one
                - two
                """);
        assertThat(html)
                .contains(
                        "<p>First paragraph with <em>emphasis</em>.</p>",
                        "<h2>Race for influence</h2>",
                        "<blockquote>",
                        "<ul>",
                        "<li>one</li>");
    }

    @Test
    void levelOneHeadingsBecomeLevelTwoBecauseThePageOwnsItsH1() {
        assertThat(html("# Big heading\n\n<h1>raw</h1>"))
                .doesNotContain("<h1")
                .contains("<h2>Big heading</h2>", "<h2>raw</h2>");
    }

    @Test
    void scriptElementsAreRemoved() {
        String html = html("Hello <script>alert(1)</script>\n\n<script>alert(2)</script>");
        assertThat(html).doesNotContain("<script").doesNotContain("alert(2)");
    }

    @Test
    void eventHandlerAttributesAreRemoved() {
        String html =
                html("<img src=\"/a.png\" alt=\"a\" onerror=\"alert(1)\"> <a href=\"/x\" onclick=\"alert(2)\">x</a>");
        assertThat(html).doesNotContain("onerror").doesNotContain("onclick").doesNotContain("alert");
    }

    @Test
    void javascriptAndDataUrlsAreRemoved() {
        String html = html("[click](javascript:alert(1)) <a href=\"JaVaScRiPt:alert(2)\">two</a> "
                + "![x](data:image/png;base64,AAAA) <a href=\"data:text/html,hi\">three</a>");
        assertThat(html).doesNotContainIgnoringCase("javascript:").doesNotContain("data:");
    }

    @Test
    void iframesObjectsAndFormsAreRemoved() {
        String html = html("<iframe src=\"https://example.com\"></iframe><object data=\"x\"></object>"
                + "<form action=\"/x\"><input name=\"q\"></form>");
        assertThat(html)
                .doesNotContain("<iframe")
                .doesNotContain("<object")
                .doesNotContain("<form")
                .doesNotContain("<input");
    }

    @Test
    void styleAttributesAndElementsAreRemoved() {
        String html = html("<p style=\"color:red\">red</p><style>body{display:none}</style>");
        assertThat(html).doesNotContain("style").doesNotContain("display:none").contains("<p>red</p>");
    }

    @Test
    void externalLinksGetNoopenerAndSiteLinksDoNot() {
        String html = html("[out](https://www.example.org/report) and [in](/americas)");
        assertThat(html)
                .contains("<a href=\"https://www.example.org/report\" rel=\"noopener\">out</a>")
                .contains("<a href=\"/americas\">in</a>");
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
        assertThat(body.html()).doesNotContain("<!--").doesNotContain("no-such-story");
        assertThat(body.warnings()).singleElement().asString().contains("no-such-story");
    }

    @Test
    void referenceInsideOtherTextIsLeftAsText() {
        assertThat(html("See [[related: trade-talks-resume]] for more."))
                .doesNotContain("<!--ref")
                .contains("[[related: trade-talks-resume]]");
    }

    @Test
    void markersCannotBeForgedFromMarkdown() {
        String html = html("<!--ref:related:7-->\n\nText <!--ref:read-more:42--> and `<!--ref:related:7-->`");
        assertThat(BodyRenderer.MARKER.matcher(html).find()).isFalse();
    }
}

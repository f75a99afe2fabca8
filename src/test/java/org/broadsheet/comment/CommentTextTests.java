package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.broadsheet.web.HtmlSanitizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a reader types, string in, string out: the HTML {@link CommentText} makes, and what is stored. */
class CommentTextTests {

    /**
     * One comment as typed.
     *
     * @param html   what {@link CommentText#toHtml} makes of it
     * @param stored what the comment allow-list keeps of that, as it is stored and shown to readers
     * @param never  what may never appear in either, whatever the expected strings say
     */
    record Case(String behaviour, String typed, String html, String stored, List<String> never) {

        Case(String behaviour, String typed, String html, String stored) {
            this(behaviour, typed, html, stored, List.of());
        }

        @Override
        public String toString() {
            return behaviour;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "blank lines make paragraphs and single breaks are kept",
                        "First line\nsecond line\n\nNew paragraph",
                        "<p>First line<br>\nsecond line</p>\n<p>New paragraph</p>\n",
                        "<p>First line<br />\nsecond line</p>\n<p>New paragraph</p>\n"),
                new Case(
                        "Windows line endings and extra blank lines are tidied",
                        "\r\n  One\r\n\r\n\r\n   \r\nTwo  \r\n",
                        "<p>One</p>\n<p>Two</p>\n",
                        "<p>One</p>\n<p>Two</p>\n"),
                new Case(
                        "markup is text",
                        "<b>bold</b> & <script>alert('x')</script>",
                        "<p>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>\n",
                        "<p>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>\n",
                        List.of("<b>", "<script")),
                new Case(
                        "web addresses become nofollow links",
                        "See https://example.org/a?b=1&c=2 and www.example.com.",
                        "<p>See <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow ugc noopener\">"
                                + "https://example.org/a?b=1&amp;c=2</a> and <a href=\"http://www.example.com\" "
                                + "rel=\"nofollow ugc noopener\">www.example.com</a>.</p>\n",
                        "<p>See <a href=\"https://example.org/a?b&#61;1&amp;c&#61;2\" rel=\"nofollow ugc noopener\">"
                                + "https://example.org/a?b&#61;1&amp;c&#61;2</a> and <a href=\"http://www.example.com\" "
                                + "rel=\"nofollow ugc noopener\">www.example.com</a>.</p>\n"),
                new Case(
                        "a closing bracket the address did not open stays out of the link",
                        "(see https://example.org/x)",
                        "<p>(see <a href=\"https://example.org/x\" rel=\"nofollow ugc noopener\">"
                                + "https://example.org/x</a>)</p>\n",
                        "<p>(see <a href=\"https://example.org/x\" rel=\"nofollow ugc noopener\">"
                                + "https://example.org/x</a>)</p>\n"),
                new Case(
                        "a closing bracket the address opened stays in the link",
                        "https://en.example.org/wiki/Canal_(Panama)",
                        "<p><a href=\"https://en.example.org/wiki/Canal_(Panama)\" rel=\"nofollow ugc noopener\">"
                                + "https://en.example.org/wiki/Canal_(Panama)</a></p>\n",
                        "<p><a href=\"https://en.example.org/wiki/Canal_%28Panama%29\" rel=\"nofollow ugc noopener\">"
                                + "https://en.example.org/wiki/Canal_(Panama)</a></p>\n"),
                new Case(
                        "only http addresses are linked",
                        "javascript:alert(1) ftp://example.org mailto:a@b.example",
                        "<p>javascript:alert(1) ftp://example.org mailto:a@b.example</p>\n",
                        "<p>javascript:alert(1) ftp://example.org mailto:a&#64;b.example</p>\n",
                        List.of("<a ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void typedTextBecomesExactlyThisHtml(Case c) {
        String html = CommentText.toHtml(c.typed());
        assertThat(html).isEqualTo(c.html());
        c.never().forEach(unwanted -> assertThat(html).doesNotContain(unwanted));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void commentAllowListStoresExactlyThis(Case c) {
        String stored = new HtmlSanitizer().sanitizeComment(c.html()).html();
        assertThat(stored).isEqualTo(c.stored());
        c.never().forEach(unwanted -> assertThat(stored).doesNotContain(unwanted));
    }

    @Test
    void linksAreCounted() {
        assertThat(CommentText.countLinks("a https://one.example b http://two.example c www.three.example"))
                .isEqualTo(3);
        assertThat(CommentText.countLinks("no links here, just example.org")).isZero();
    }

    /** Generated texts of the pieces addresses are made of: where the quick check says no, the pattern finds nothing. */
    @ParameterizedTest
    @MethodSource("seeds")
    void theQuickCheckNeverMissesAnAddressThePatternFinds(long seed) {
        String text = org.broadsheet.testkit.GeneratedTexts.of(
                seed,
                java.util.List.of(
                        "www", "WwW", ".", ":", "/", "//", "http", "HTTPS", "s", " ", "\n", "é", "example", "-", "w"),
                12);
        boolean found = CommentText.URL.matcher(text).find();
        if (found) {
            assertThat(CommentText.mayLink(text)).as("[%s]", text).isTrue();
        }
        assertThat(CommentText.countLinks(text) > 0).as("[%s]", text).isEqualTo(found);
    }

    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.range(0, 400);
    }

    @Test
    void addressesAreFoundWhateverTheirCase() {
        assertThat(CommentText.mayLink("see WWW.example.org")).isTrue();
        assertThat(CommentText.mayLink("HTTPS://example.org")).isTrue();
        assertThat(CommentText.mayLink("No address here. Nor here.")).isFalse();
        assertThat(CommentText.toHtml("Try Www.Example.org today"))
                .contains("<a href=\"http://Www.Example.org\" rel=\"nofollow ugc noopener\">Www.Example.org</a>");
    }
}

package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.broadsheet.web.HtmlSanitizer;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WordPress HTML in, the site's Markdown out: what becomes Markdown, what stays HTML, and that
 * text stays text. The rendering is checked with the site's own CommonMark settings and
 * sanitiser, as {@code article.BodyRenderer} uses them.
 */
class HtmlMarkdownTests {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(false).build();
    private static final HtmlSanitizer SANITIZER = new HtmlSanitizer();

    /** What a reader gets from a stored Markdown body. */
    static String rendered(String markdown) {
        return SANITIZER.sanitize(RENDERER.render(PARSER.parse(markdown))).html();
    }

    record Case(String behaviour, String html, String markdown) {

        @Override
        public String toString() {
            return behaviour;
        }
    }

    static Stream<Case> converted() {
        return Stream.of(
                new Case(
                        "block-editor paragraphs and headings",
                        """
                        <h2 class="wp-block-heading">Race for influence</h2>

                        <p>First <strong>bold</strong> and <em>leaning</em> words.</p>

                        <h3>Smaller</h3>""",
                        "## Race for influence\n\nFirst **bold** and *leaning* words.\n\n### Smaller"),
                new Case(
                        "classic-editor text: blank lines part paragraphs, a single line break is a break",
                        "First line\nsecond line.\n\nNext <b>paragraph</b>.",
                        "First line\\\nsecond line.\n\nNext **paragraph**."),
                new Case(
                        "a block-editor body: what has a Markdown form becomes Markdown, figures and"
                                + " quotes with a citation stay HTML",
                        """
                        <h2 class="wp-block-heading" id="tides">Tides &amp; times</h2>

                        <p class="has-text-align-center">The <a href="https://tides.example/today" \
                        target="_blank" rel="noreferrer">table</a> for today.</p>

                        <figure class="wp-block-image size-large"><img src="/up/pier.jpg" alt="The pier" \
                        class="wp-image-12"/><figcaption class="wp-element-caption">At dawn</figcaption></figure>

                        <ul class="wp-block-list">
                        <li>First</li>

                        <li>Second <strong>bold</strong></li>
                        </ul>

                        <blockquote class="wp-block-quote"><p>Never again.</p><cite>The mayor</cite></blockquote>

                        <pre class="wp-block-code"><code>if (tide &lt; 2) {
                            stay();
                        }</code></pre>

                        <hr class="wp-block-separator has-alpha-channel-opacity"/>

                        <div class="wp-block-buttons"><div class="wp-block-button">\
                        <a class="wp-block-button__link" href="/subscribe">Subscribe</a></div></div>""",
                        """
                        ## Tides & times

                        The [table](https://tides.example/today) for today.

                        <figure><img src="/up/pier.jpg" alt="The pier" /><figcaption>At dawn</figcaption></figure>

                        - First
                        - Second **bold**

                        <blockquote><p>Never again.</p><cite>The mayor</cite></blockquote>

                        ```
                        if (tide < 2) {
                            stay();
                        }
                        ```

                        ---

                        <div><a href="/subscribe">Subscribe</a></div>"""),
                new Case("a classic-editor body: paragraphs made as WordPress makes them", """
                        <img class="alignright wp-image-5" src="/up/boat.jpg" alt="" width="300" height="200" />Boats.
                        Nobody was <em>surprised</em>.

                        <strong>Update:</strong> they left again.

                        <ol>
                         	<li>One</li>
                         	<li>Two</li>
                        </ol>
                        &nbsp;
                        <blockquote>As the harbour master said, "tides wait".</blockquote>
                        <h3>After</h3>
                        1. Not a list.""", """
                        <p><img src="/up/boat.jpg" alt="" width="300" height="200" />Boats.<br />Nobody was \
                        <em>surprised</em>.</p>

                        **Update:** they left again.

                        1. One
                        2. Two

                        &nbsp;

                        > As the harbour master said, "tides wait".

                        ### After

                        1\\. Not a list."""),
                new Case(
                        "links keep their titles, images their alt text and title",
                        "<p><a href=\"https://example.org/a?b=1&amp;c=2\" title=\"The &quot;other&quot; site\">x</a>"
                                + " <img src=\"/media/crab.jpg\" alt=\"A [crab]\" title=\"Crab\"></p>",
                        "[x](https://example.org/a?b=1&c=2 \"The \\\"other\\\" site\") "
                                + "![A \\[crab\\]](/media/crab.jpg \"Crab\")"),
                new Case(
                        "a link address with spaces and brackets",
                        "<p><a href=\"/a (b) c\">x</a></p>",
                        "[x](</a (b) c>)"),
                new Case(
                        "inline code and code blocks, with backticks inside",
                        "<p>Type <code>a`b</code> now.</p>\n\n<pre><code class=\"language-java\">int a = 1;\n\n```\n</code></pre>",
                        "Type ``a`b`` now.\n\n````java\nint a = 1;\n\n```\n````"),
                new Case(
                        "nested lists, ordered from where they start",
                        "<ul>\n<li>one\n<ol><li>three</li><li>four</li></ol></li>\n<li>two</li>\n</ul>\n"
                                + "<ol start=\"3\"><li>three</li></ol>",
                        "- one\n  1. three\n  2. four\n- two\n\n3. three"),
                new Case(
                        "a list in an item that Markdown would read as text stays HTML",
                        "<ul><li>one<ol start=\"3\"><li>three</li></ol></li></ul>",
                        "<ul><li>one<ol start=\"3\"><li>three</li></ol></li></ul>"),
                new Case(
                        "two lists in a row stay two lists",
                        "<ul><li>a</li></ul>\n\n<ul><li>b</li></ul>\n\n<ul><li>c</li></ul>",
                        "- a\n\n* b\n\n- c"),
                new Case(
                        "quotes, with the text WordPress makes a paragraph of",
                        "<blockquote>Said once.\n\n<p>Said <em>twice</em>.</p></blockquote>\n\n<hr />",
                        "> Said once.\n>\n> Said *twice*.\n\n---"),
                new Case(
                        "text that looks like Markdown stays text",
                        "<p>2024. A *star*, an _under_score_, [brackets], `ticks`, &lt;b&gt; and \\ too</p>\n"
                                + "<p># not a heading</p>\n<p>- not a list</p>\n<p>&gt; not a quote</p>\n"
                                + "<p>+ plus</p><p>&amp;copy; stays</p><p>Wow!<a href=\"/x\">y</a></p>",
                        "2024\\. A \\*star\\*, an \\_under\\_score\\_, \\[brackets\\], \\`ticks\\`, \\<b> and \\\\ too\n\n"
                                + "\\# not a heading\n\n\\- not a list\n\n\\> not a quote\n\n\\+ plus\n\n"
                                + "\\&copy; stays\n\nWow\\![y](/x)"),
                new Case(
                        "entities are read, astral characters and emoji kept",
                        "<p>&#8220;\uD835\uDD38-shaped&rdquo; \uD83D\uDC19 caf&eacute;&nbsp;au lait</p>",
                        "\u201C\uD835\uDD38-shaped\u201D \uD83D\uDC19 caf\u00E9&nbsp;au lait"),
                new Case(
                        "story reference lines stay as they are, on lines of their own",
                        "Before.\n[[related: 42]]\nREAD MORE:\n\n[[read-more: 43]]\n\n<p>After.</p>",
                        "Before.\n\n[[related: 42]]\n\nREAD MORE:\n\n[[read-more: 43]]\n\nAfter."),
                new Case(
                        "a table stays HTML, the paragraphs around it Markdown",
                        "<p>Tides:</p>\n<table class=\"t\"><tr><td>High</td>\n\n<td>6:02</td></tr></table>\n<p>*Done*</p>",
                        "Tides:\n\n<table><tbody><tr><td>High</td><td>6:02</td></tr></tbody></table>\n\n\\*Done\\*"),
                new Case(
                        "a blank line inside a block kept as HTML does not end it",
                        "<figure><img src=\"/a.jpg\" alt=\"\"><figcaption>Line\n\n*two*</figcaption></figure>",
                        "<figure><img src=\"/a.jpg\" alt=\"\" /><figcaption>Line&#10;\n*two*</figcaption></figure>"),
                new Case(
                        "a sized image stays HTML",
                        "<p><img src=\"https://old.example/a.jpg\" alt=\"A\" width=\"300\" height=\"200\" class=\"x\"></p>",
                        "<p><img src=\"https://old.example/a.jpg\" alt=\"A\" width=\"300\" height=\"200\" /></p>"),
                new Case(
                        "markup Markdown has no word for keeps its block as HTML",
                        "<p>H<sub>2</sub>O is *wet*</p>\n\n<p>plain</p>",
                        "<p>H<sub>2</sub>O is *wet*</p>\n\nplain"));
    }

    @ParameterizedTest
    @MethodSource
    void converted(Case c) {
        String markdown = HtmlMarkdown.convert(c.html());

        assertThat(markdown).isEqualTo(c.markdown());
    }

    static Stream<Case> hostile() {
        return Stream.of(
                new Case("a script block", "<p>Hi</p>\n<script>alert(1)</script>\n<p>there</p>", "Hi\n\nthere"),
                new Case("a script in a paragraph", "<p>Hi <script>alert(1)</script>there</p>", "<p>Hi there</p>"),
                new Case(
                        "event handlers",
                        "<p onclick=\"alert(1)\">Hi <em onmouseover=\"x()\">you</em></p>",
                        "Hi *you*"),
                new Case(
                        "a javascript link",
                        "<p>A <a href=\"javascript:alert(1)\">trap</a> and <a href=\" JavaScript:x\">another</a></p>",
                        "<p>A trap and another</p>"),
                new Case(
                        "an iframe, a style and a form",
                        "<iframe src=\"https://evil.example\"></iframe>\n<style>p{}</style>\n<form><input></form>\n<p>ok</p>",
                        "ok"),
                new Case(
                        "a data image",
                        "<p><img src=\"data:image/png;base64,AAAA\" alt=\"x\"></p>",
                        "<p><img alt=\"x\" /></p>"));
    }

    @ParameterizedTest
    @MethodSource
    void hostile(Case c) {
        String markdown = HtmlMarkdown.convert(c.html());

        assertThat(markdown).isEqualTo(c.markdown());
        assertThat(rendered(markdown).toLowerCase())
                .doesNotContain("script")
                .doesNotContain("onclick")
                .doesNotContain("onmouseover")
                .doesNotContain("javascript")
                .doesNotContain("iframe")
                .doesNotContain("data:");
    }

    @Test
    void aBodyThatWouldGrowPastTheLimitIsKeptAsItCame() {
        String body = "<table><tr><td>" + "=+".repeat(60_000) + "</td></tr></table>";

        assertThat(HtmlMarkdown.convert(body)).isEqualTo(body);
    }

    @Test
    void deeplyNestedMarkupIsConvertedWithoutOverflowing() {
        String body = "<p>" + "<em><span>".repeat(20_000) + "deep" + "</span></em>".repeat(20_000) + "</p>"
                + "<blockquote>".repeat(5_000) + "quoted" + "</blockquote>".repeat(5_000);

        String markdown = HtmlMarkdown.convert(body);

        assertThat(Jsoup.parse(rendered(markdown)).text())
                .isEqualTo(Jsoup.parse(rendered(body)).text()); // what the renderer made of it before
    }

    @Test
    void anEmptyBodyStaysEmpty() {
        assertThat(HtmlMarkdown.convert("")).isEmpty();
        assertThat(HtmlMarkdown.convert("  \n\n<!-- note -->\n")).isEmpty();
    }
}

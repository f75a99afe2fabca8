package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentTextTests {

    @Test
    void blankLinesMakeParagraphsAndSingleBreaksAreKept() {
        assertThat(CommentText.toHtml("First line\nsecond line\n\nNew paragraph"))
                .isEqualTo("<p>First line<br>\nsecond line</p>\n<p>New paragraph</p>\n");
    }

    @Test
    void windowsLineEndingsAndExtraBlankLinesAreTidied() {
        assertThat(CommentText.toHtml("\r\n  One\r\n\r\n\r\n   \r\nTwo  \r\n")).isEqualTo("<p>One</p>\n<p>Two</p>\n");
    }

    @Test
    void markupIsText() {
        assertThat(CommentText.toHtml("<b>bold</b> & <script>alert('x')</script>"))
                .isEqualTo("<p>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>\n");
    }

    @Test
    void webAddressesBecomeNofollowLinks() {
        assertThat(CommentText.toHtml("See https://example.org/a?b=1&c=2 and www.example.com."))
                .isEqualTo("<p>See <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow ugc noopener\">"
                        + "https://example.org/a?b=1&amp;c=2</a> and <a href=\"http://www.example.com\" "
                        + "rel=\"nofollow ugc noopener\">www.example.com</a>.</p>\n");
    }

    @Test
    void closingBracketStaysInALinkOnlyWhenItWasOpened() {
        assertThat(CommentText.toHtml("(see https://example.org/x)"))
                .contains("href=\"https://example.org/x\"")
                .endsWith("</a>)</p>\n");
        assertThat(CommentText.toHtml("https://en.example.org/wiki/Canal_(Panama)"))
                .contains("href=\"https://en.example.org/wiki/Canal_(Panama)\"");
    }

    @Test
    void onlyHttpAddressesAreLinked() {
        assertThat(CommentText.toHtml("javascript:alert(1) ftp://example.org mailto:a@b.example"))
                .doesNotContain("<a ");
    }

    @Test
    void linksAreCounted() {
        assertThat(CommentText.countLinks("a https://one.example b http://two.example c www.three.example"))
                .isEqualTo(3);
        assertThat(CommentText.countLinks("no links here, just example.org")).isZero();
    }
}

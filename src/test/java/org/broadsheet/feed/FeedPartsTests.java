package org.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.broadsheet.web.ContentNegotiation;
import org.junit.jupiter.api.Test;

/** The small parts of feeds, string in, string out: absolute links, entry ids, gzip negotiation. */
class FeedPartsTests {

    static final String PAGE = "https://news.example/americas/2026/03/14/quay-reopens";

    @Test
    void relativeLinksAndPicturesBecomeAbsoluteOnThePagesAddress() {
        assertThat(AbsoluteUrls.in(
                        "<p><a href=\"/americas\">Americas</a> <a href=\"other-story\">next</a> <a href=\"#notes\">notes</a></p>",
                        PAGE))
                .isEqualTo("<p><a href=\"https://news.example/americas\">Americas</a> "
                        + "<a href=\"https://news.example/americas/2026/03/14/other-story\">next</a> "
                        + "<a href=\"https://news.example/americas/2026/03/14/quay-reopens#notes\">notes</a></p>");
        assertThat(AbsoluteUrls.in(
                        "<img src=\"/media/ab/abc/960.jpg\" srcset=\"/media/ab/abc/480.jpg 480w, /media/ab/abc/960.jpg 960w\" alt=\"A quay\" />",
                        PAGE))
                .isEqualTo("<img src=\"https://news.example/media/ab/abc/960.jpg\" "
                        + "srcset=\"https://news.example/media/ab/abc/480.jpg 480w, https://news.example/media/ab/abc/960.jpg 960w\" "
                        + "alt=\"A quay\" />");
    }

    @Test
    void absoluteAndOtherLinksStayAsTheyAre() {
        String html = "<p><a href=\"https://port.example/a?b=1&amp;c=2\" rel=\"noopener\">port</a> "
                + "<a href=\"mailto:desk@news.example\">desk</a> <a href=\"//cdn.example/x\">cdn</a></p>";
        assertThat(AbsoluteUrls.in(html, PAGE))
                .isEqualTo(
                        "<p><a href=\"https://port.example/a?b&#61;1&amp;c&#61;2\" rel=\"noopener\">port</a> "
                                + "<a href=\"mailto:desk&#64;news.example\">desk</a> <a href=\"https://cdn.example/x\">cdn</a></p>");
    }

    @Test
    void textAndAttributesStayEscaped() {
        assertThat(AbsoluteUrls.in("<p title=\"&#34;q&#34;\">1 &lt; 2 &amp; &lt;script&gt;</p>", PAGE))
                .isEqualTo("<p title=\"&#34;q&#34;\">1 &lt; 2 &amp; &lt;script&gt;</p>");
    }

    @Test
    void entryIdsAreTagUrisOfTheHostTheCreationDayAndTheId() {
        Instant created = Instant.parse("2026-03-14T23:30:00Z");
        assertThat(new EntryId("article", 42, created).uri("News.Example"))
                .isEqualTo("tag:news.example,2026-03-14:article:42");
        assertThat(new EntryId("comment", 7, created).uri("localhost")).isEqualTo("tag:localhost,2026-03-14:comment:7");
        assertThat(new EntryId("article", 42, created).uri("[::1]")).isEqualTo("tag:localhost,2026-03-14:article:42");
    }

    @Test
    void gzipIsSentOnlyToClientsThatAcceptIt() {
        assertThat(ContentNegotiation.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(ContentNegotiation.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(ContentNegotiation.acceptsGzip("*")).isTrue();
        assertThat(ContentNegotiation.acceptsGzip((String) null)).isFalse();
        assertThat(ContentNegotiation.acceptsGzip("identity")).isFalse();
        assertThat(ContentNegotiation.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(ContentNegotiation.acceptsGzip("gzip; q=0.0, br")).isFalse();
    }
}

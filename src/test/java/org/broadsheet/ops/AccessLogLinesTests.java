package org.broadsheet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the access log prints of an address: string in, string out. */
class AccessLogLinesTests {

    @Test
    void oneTimeLinksLoseTheirToken() {
        assertThat(AccessLogLines.masked("/newsroom/password/AbC-123_x", null)).isEqualTo("/newsroom/password/***");
        assertThat(AccessLogLines.masked("/newsroom/setup/AbC", "x=1")).isEqualTo("/newsroom/setup/***?x=1");
        assertThat(AccessLogLines.masked("/newsroom/password/", null)).isEqualTo("/newsroom/password/");
    }

    @Test
    void secretLookingQueryValuesAreMaskedAndTheRestKept() {
        assertThat(AccessLogLines.masked("/search", "q=rain&page=2")).isEqualTo("/search?q=rain&page=2");
        assertThat(AccessLogLines.masked("/x", "token=abc&API_KEY=def&email=a%40b.c&sig=1&q=ok"))
                .isEqualTo("/x?token=***&API_KEY=***&email=***&sig=***&q=ok");
        assertThat(AccessLogLines.masked("/x", "novalue&&password=")).isEqualTo("/x?novalue&&password=***");
    }

    @Test
    void aRefererIsMaskedWhateverItsForm() {
        assertThat(AccessLogLines.maskedAddress("https://news.example/newsroom/password/secret?token=t"))
                .isEqualTo("https://news.example/newsroom/password/***?token=***");
        assertThat(AccessLogLines.maskedAddress("https://news.example/a?b=c")).isEqualTo("https://news.example/a?b=c");
    }

    @Test
    void requestIdsAreKeptOnlyWhenTheyCannotForgeALogLine() {
        assertThat(RequestIds.of("abc-123.X_y:z")).isEqualTo("abc-123.X_y:z");
        assertThat(RequestIds.of("a".repeat(64))).hasSize(64);
        for (String bad : new String[] {"", "a".repeat(65), "two words", "a\nb", "x\"y", "é", "{}", "[1]"}) {
            assertThat(RequestIds.of(bad)).as(bad).matches("[0-9a-f]{16}");
        }
        assertThat(RequestIds.of(null)).matches("[0-9a-f]{16}");
        assertThat(RequestIds.generate()).isNotEqualTo(RequestIds.generate());
    }
}

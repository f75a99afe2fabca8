package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.broadsheet.search.Snippet.Part;
import org.junit.jupiter.api.Test;

/** ts_headline's output, with U+0001 and U+0002 around the words found, read into parts. */
class SnippetTests {

    @Test
    void markedWordsBecomeFoundParts() {
        assertThat(Snippet.parse("The \u0001port\u0002 of \u0001Antwerp\u0002 reopened")
                        .parts())
                .containsExactly(
                        new Part("The ", false),
                        new Part("port", true),
                        new Part(" of ", false),
                        new Part("Antwerp", true),
                        new Part(" reopened", false));
    }

    @Test
    void markupInTheTextStaysText() {
        assertThat(Snippet.parse("Fish & chips <b>\u0001cost\u0002</b> more").parts())
                .containsExactly(
                        new Part("Fish & chips <b>", false), new Part("cost", true), new Part("</b> more", false));
    }

    @Test
    void lessThanAndGreaterThanComeBackFromTheirStandIns() {
        assertThat(Snippet.parse("\u0003b\u0004 \u0001bold\u0002").parts())
                .containsExactly(new Part("<b> ", false), new Part("bold", true));
    }

    @Test
    void whiteSpaceRunsBecomeOneSpaceAndStrayMarkersVanish() {
        assertThat(Snippet.parse("a\n\n  b \u0002c\u0001").parts())
                .containsExactly(new Part("a b ", false), new Part("c", false));
        assertThat(Snippet.parse("").parts()).isEqualTo(List.of());
    }
}

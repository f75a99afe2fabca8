package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a reader typed, made fit to search for. */
class SearchTextTests {

    @Test
    void controlCharactersAndWhiteSpaceRunsBecomeOneSpace() {
        assertThat(SearchText.of("  port\u0001\u0002of\t\n Antwerp\u00a0\u2028 "))
                .isEqualTo(new SearchText("port of Antwerp", false));
    }

    @Test
    void accentTypedAsASeparateMarkJoinsItsLetter() {
        assertThat(SearchText.of("cafe\u0301").text()).isEqualTo("café");
    }

    @Test
    void longTextIsCutAtAWholeCharacter() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
        SearchText text = SearchText.of("a".repeat(SearchText.MAX_LENGTH - 1) + emoji + "tail");
        assertThat(text.cut()).isTrue();
        assertThat(text.text()).endsWith(emoji).hasSize(SearchText.MAX_LENGTH + 1);
        assertThat(SearchText.of("b".repeat(SearchText.MAX_LENGTH)).cut()).isFalse();
    }

    @Test
    void nothingTypedIsEmpty() {
        assertThat(SearchText.of(null).isEmpty()).isTrue();
        assertThat(SearchText.of(" \t ").isEmpty()).isTrue();
    }
}

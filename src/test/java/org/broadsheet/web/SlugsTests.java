package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.broadsheet.testkit.GeneratedTexts;
import org.junit.jupiter.api.Test;

/** A slug is checked by hand exactly as the form field's pattern checks it. */
class SlugsTests {

    @Test
    void wordsJoinedBySingleHyphensAreSlugs() {
        assertThat(Slugs.isValid("harbour-reopens-2026")).isTrue();
        assertThat(Slugs.isValid("a")).isTrue();
        assertThat(Slugs.isValid("")).isFalse();
        assertThat(Slugs.isValid(null)).isFalse();
        assertThat(Slugs.isValid("-harbour")).isFalse();
        assertThat(Slugs.isValid("harbour-")).isFalse();
        assertThat(Slugs.isValid("harbour--reopens")).isFalse();
        assertThat(Slugs.isValid("Harbour")).isFalse();
        assertThat(Slugs.isValid("a".repeat(Slugs.MAX_LENGTH))).isTrue();
        assertThat(Slugs.isValid("a".repeat(Slugs.MAX_LENGTH + 1))).isFalse();
    }

    @Test
    void everyTextIsJudgedAsTheFormFieldsPatternJudgesIt() {
        Pattern pattern = Pattern.compile(Slugs.HTML_PATTERN);
        // Mostly what slugs are made of, hyphens often, now and then a character they may not have.
        List<String> pieces = new ArrayList<>(GeneratedTexts.codePoints("_A/é.\u0131 "));
        for (String piece : List.of("a", "z", "0", "9")) {
            pieces.addAll(Collections.nCopies(8, piece));
        }
        pieces.addAll(Collections.nCopies(6, "-"));
        int slugs = 0;
        for (long seed = 0; seed < 50_000; seed++) {
            String slug = GeneratedTexts.of(seed, pieces, 10);
            boolean expected =
                    slug.length() <= Slugs.MAX_LENGTH && pattern.matcher(slug).matches();
            assertThat(Slugs.isValid(slug)).as("seed %d: [%s]", seed, slug).isEqualTo(expected);
            slugs += expected ? 1 : 0;
        }
        assertThat(slugs).as("slugs among them").isGreaterThan(3_000);
    }
}

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
        long slugs = GeneratedTexts.sameAnswers(
                        50_000,
                        pieces,
                        10,
                        Slugs::isValid,
                        slug -> slug.length() <= Slugs.MAX_LENGTH
                                && pattern.matcher(slug).matches())
                .stream()
                .filter(a -> a.answer())
                .count();
        assertThat(slugs).as("slugs among them").isGreaterThan(3_000);
    }
}

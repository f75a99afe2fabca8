package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
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
        Random random = new Random(23);
        String characters = "az09--_ A/é.\u0131";
        int slugs = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(10); i > 0; i--) {
                int kind = random.nextInt(20);
                text.append(
                        kind < 15
                                ? "az09".charAt(random.nextInt(4))
                                : kind < 18 ? '-' : characters.charAt(random.nextInt(characters.length())));
            }
            String slug = text.toString();
            boolean expected =
                    slug.length() <= Slugs.MAX_LENGTH && pattern.matcher(slug).matches();
            assertThat(Slugs.isValid(slug)).as(slug).isEqualTo(expected);
            slugs += expected ? 1 : 0;
        }
        assertThat(slugs).as("slugs among them").isGreaterThan(3_000);
    }
}

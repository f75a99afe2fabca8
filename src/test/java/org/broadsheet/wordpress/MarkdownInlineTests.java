package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A text's runs of HTML white space made one space: looked for first, then replaced. */
class MarkdownInlineTests {

    /** What {@link MarkdownInline#collapse} means: every run of HTML white space as one space. */
    private static final Pattern WHITE_RUN = Pattern.compile("[ \\t\\n\\r\\f]+");

    @Test
    void aRunOfWhiteSpaceBecomesOneSpace() {
        assertThat(MarkdownInline.collapse("low\n\t tide")).isEqualTo("low tide");
        assertThat(MarkdownInline.collapse("low  tide")).isEqualTo("low tide");
        assertThat(MarkdownInline.collapse("low tide")).isEqualTo("low tide");
    }

    @Test
    void everyTextIsCollapsedAsThePatternCollapsesIt() {
        Random random = new Random(17);
        String characters = "ab  \t\n\r\f\u000B\u00A0\u2028é😀";
        int changed = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(random.nextInt(3) == 0 ? characters.charAt(random.nextInt(characters.length())) : 'x');
            }
            String expected = WHITE_RUN.matcher(text).replaceAll(" ");
            assertThat(MarkdownInline.collapse(text.toString()))
                    .as(text.toString())
                    .isEqualTo(expected);
            changed += expected.contentEquals(text) ? 0 : 1;
        }
        assertThat(changed).as("texts changed").isGreaterThan(10_000);
    }
}

package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.broadsheet.testkit.GeneratedTexts;
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
        // Each kind of white space (and some that is not HTML's) a third of the time, a letter otherwise.
        List<String> pieces = new ArrayList<>(GeneratedTexts.codePoints("ab  \t\n\r\f\u000B\u00A0\u2028é😀"));
        pieces.addAll(Collections.nCopies(2 * pieces.size(), "x"));
        int changed = 0;
        for (long seed = 0; seed < 50_000; seed++) {
            String text = GeneratedTexts.of(seed, pieces, 12);
            String expected = WHITE_RUN.matcher(text).replaceAll(" ");
            assertThat(MarkdownInline.collapse(text))
                    .as("seed %d: [%s]", seed, text)
                    .isEqualTo(expected);
            changed += expected.equals(text) ? 0 : 1;
        }
        assertThat(changed).as("texts changed").isGreaterThan(10_000);
    }
}

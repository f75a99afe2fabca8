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
        long changed = GeneratedTexts.sameAnswers(
                        50_000,
                        pieces,
                        12,
                        MarkdownInline::collapse,
                        text -> WHITE_RUN.matcher(text).replaceAll(" "))
                .stream()
                .filter(a -> !a.answer().equals(a.text()))
                .count();
        assertThat(changed).as("texts changed").isGreaterThan(10_000);
    }
}

package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.broadsheet.testkit.GeneratedTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The canonical text of {@link SameRendering}: escaping and collapsing white space in one pass
 * gives what the plain definition gives (escape, then each run of white space one space, then
 * one leading space dropped after a space), on generated texts of every kind of character.
 */
class SameRenderingTests {

    private static final Pattern WHITE_RUN = Pattern.compile("[ \\t\\n\\r\\f]+");
    private static final String ALPHABET = "ab Z9 \t\n\r\f&<>\"'é—“”𝄞\u00a0";

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void escapingAndCollapsingInOnePassIsThePlainDefinition(long seed) {
        String text = GeneratedTexts.of(seed, GeneratedTexts.codePoints(ALPHABET), 40);
        for (boolean afterSpace : new boolean[] {false, true}) {
            StringBuilder out = new StringBuilder("x");
            SameRendering.escapeCollapsed(text, afterSpace, out);
            assertThat(out.toString())
                    .as("seed %d, after a space %s: [%s]", seed, afterSpace, text)
                    .isEqualTo("x" + plain(text, afterSpace));
        }
    }

    @Test
    void textIsEscapedAndItsWhiteSpaceCollapsed() {
        StringBuilder out = new StringBuilder();
        SameRendering.escapeCollapsed("  Fish\t&\n\n chips <b> ", false, out);
        assertThat(out).hasToString(" Fish &amp; chips &lt;b&gt; ");
        out.setLength(0);
        SameRendering.escapeCollapsed(" \n ", true, out);
        assertThat(out).isEmpty();
    }

    @Test
    void canonicalFormsAreEqualForTheSameTextWrittenTwoWays() {
        assertThat(SameRendering.canonical("<p>Salt  &amp;\n<b>vinegar</b> </p>"))
                .isEqualTo(SameRendering.canonical("<p>Salt &#38; <strong>vinegar</strong></p>"))
                .isEqualTo("<p>Salt &amp; <strong>vinegar</strong></p>");
    }

    private static String plain(String text, boolean afterSpace) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String collapsed = WHITE_RUN.matcher(escaped).replaceAll(" ");
        return afterSpace && collapsed.startsWith(" ") ? collapsed.substring(1) : collapsed;
    }
}

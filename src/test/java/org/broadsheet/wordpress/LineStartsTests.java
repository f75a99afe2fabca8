package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.broadsheet.testkit.GeneratedTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LineStarts} finds exactly the matches that {@link Matcher#replaceAll} finds, for the
 * two patterns the import uses it with, on generated texts made of the pieces that matter to
 * them: every kind of line terminator ({@code \r\n} as one), links alone on a line or not, tags
 * spread over lines, list and heading markers.
 */
class LineStartsTests {

    private static final List<String> PIECES = List.of(
            "\n",
            "\r",
            "\r\n",
            "\u2028",
            "\u2029",
            "\u0085",
            " ",
            "\t",
            "<p>",
            "<p class=\"lead\">",
            "<p\n>",
            "</p>",
            "READ MORE: ",
            "read more:",
            "<a href=\"https://old.example/2024/01/fish/\">",
            "<a\nhref=\"https://old.example/?p=7\">",
            "<A HREF=\"x\">",
            "Fish & chips",
            "</a>",
            "#",
            "-",
            "+",
            ">",
            "12.",
            "3)",
            "1234567890.",
            "word",
            "<b>",
            "é𝄞");

    private static final Function<MatchResult, String> MARK =
            m -> "{" + m.start() + ":" + m.group() + (m.groupCount() > 1 ? "|" + m.group(2) : "") + "\\$1}";

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void findsWhatTheMatcherFinds(long seed) {
        String text = GeneratedTexts.of(seed, PIECES, 30);
        for (Pattern pattern : List.of(WxrLinks.ONLY_LINK, MarkdownInline.LINE_START)) {
            assertThat(LineStarts.replaceAll(pattern, text, MARK))
                    .as("seed %d, %s: [%s]", seed, pattern, text)
                    .isEqualTo(pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(MARK.apply(m))));
        }
    }

    @Test
    void aLinkAloneOnItsLineIsFoundAfterEachKindOfLineEnd() {
        String link = "<a href=\"https://old.example/fish/\">Fish</a>";
        String text = "intro " + link + "\r\n" + link + "\u2028<p>READ MORE: " + link + "</p>\rend";
        assertThat(LineStarts.replaceAll(WxrLinks.ONLY_LINK, text, m -> m.group(1) == null ? "[R]" : "[M]"))
                .isEqualTo("intro " + link + "\r\n[R]\u2028[M]\rend");
        assertThat(LineStarts.replaceAll(MarkdownInline.LINE_START, "# a\n12. b\n-c", m -> "!"))
                .isEqualTo("! a\n! b\n!c");
    }
}

package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.broadsheet.testkit.GeneratedTexts;
import org.junit.jupiter.api.Test;

/** A post's content made a body: the block-editor comments found by hand, as the pattern finds them. */
class WxrBodiesTests {

    /** The definition {@link WxrBodies#withoutBlockComments} implements. */
    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:[^>]*?-->\\n?");

    @Test
    void blockCommentsGoWithTheLineBreakAfterThem() {
        String content = "<!-- wp:paragraph -->\n<p>The tide <!-- not a block --> turned.</p>\n"
                + "<!-- /wp:paragraph -->\n<!--wp:image {\"id\":7}-->";

        assertThat(WxrBodies.withoutBlockComments(content)).isEqualTo("<p>The tide <!-- not a block --> turned.</p>\n");
        assertThat(WxrBodies.withoutBlockComments("<p>no comment</p>")).isEqualTo("<p>no comment</p>");
    }

    @Test
    void blockCommentsAreFoundExactlyWhereThePatternFindsThem() {
        List<String> pieces = List.of(
                "<!--",
                "-->",
                "--",
                "-",
                ">",
                "<",
                "!",
                " ",
                "\t",
                "\n",
                "\u000B",
                "/",
                "wp:",
                "wp",
                ":",
                "w",
                "p",
                "{\"a\":1}",
                "x",
                "\u00A0",
                "é",
                "<!-- wp:",
                "<!--/wp:",
                "<!-- /wp:x -->");
        long changed = GeneratedTexts.sameAnswers(
                        50_000,
                        pieces,
                        16,
                        WxrBodies::withoutBlockComments,
                        text -> BLOCK_COMMENT.matcher(text).replaceAll(""))
                .stream()
                .filter(a -> !a.answer().equals(a.text()))
                .count();
        assertThat(changed).as("contents with a block comment").isGreaterThan(1_000);
    }

    @Test
    void anExcerptIsMadePlainAsTheOriginalDefinitionMakesIt() {
        List<String> pieces = List.of(
                "<p>", "</p>", "<br />", "&amp;", "&lt;", "&#8217;", "&", " ", "  ", "\t", "\n", "\u000B", "x", "é",
                ">");
        GeneratedTexts.sameAnswers(
                20_000,
                pieces,
                10,
                WxrBodies::plain,
                text -> org.springframework.web.util.HtmlUtils.htmlUnescape(text.replaceAll("<[^>]*>", ""))
                        .replaceAll("\\s+", " ")
                        .strip());
    }
}

package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
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
        Random random = new Random(5);
        String[] pieces = {
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
            "<!-- /wp:x -->"
        };
        int changed = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder content = new StringBuilder();
            for (int i = random.nextInt(16); i > 0; i--) {
                content.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = content.toString();
            String expected = BLOCK_COMMENT.matcher(text).replaceAll("");
            assertThat(WxrBodies.withoutBlockComments(text)).as(text).isEqualTo(expected);
            changed += expected.equals(text) ? 0 : 1;
        }
        assertThat(changed).as("contents with a block comment").isGreaterThan(1_000);
    }

    @Test
    void anExcerptIsMadePlainAsTheOriginalDefinitionMakesIt() {
        Random random = new Random(9);
        String[] pieces = {
            "<p>", "</p>", "<br />", "&amp;", "&lt;", "&#8217;", "&", " ", "  ", "\t", "\n", "\u000B", "x", "é", ">"
        };
        for (int n = 0; n < 20_000; n++) {
            StringBuilder html = new StringBuilder();
            for (int i = random.nextInt(10); i > 0; i--) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = html.toString();
            String expected = org.springframework.web.util.HtmlUtils.htmlUnescape(text.replaceAll("<[^>]*>", ""))
                    .replaceAll("\\s+", " ")
                    .strip();
            assertThat(WxrBodies.plain(text)).as(text).isEqualTo(expected);
        }
    }
}

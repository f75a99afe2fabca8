package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Links between imported posts, string in, string out, for both of WordPress's editors. */
class WxrLinksTests {

    private final WxrLinks links = new WxrLinks(
            Set.of("old.example"),
            path -> path.equals("/2024/03/pier-reopens") ? Optional.of(5L) : Optional.empty(),
            wpId -> wpId == 5
                    ? Optional.of(new WxrLinks.Target(42, "/local/2024/03/01/pier-reopens"))
                    : Optional.empty());

    @Test
    void aParagraphThatIsOnlyALinkBecomesACardInEitherEditor() {
        String classic = "<p><a href=\"https://old.example/2024/03/pier-reopens/\">The pier reopens</a></p>";
        String block = "<p class=\"wp-block-paragraph\"><a href=\"https://old.example/2024/03/pier-reopens/\">"
                + "The pier reopens</a></p>";
        String readMore =
                "<p class=\"has-text-align-left\">READ MORE: <a href=\"https://old.example/2024/03/pier-reopens/\">"
                        + "The pier reopens</a></p>";

        assertThat(links.convert(classic).text()).isEqualTo("[[related: 42]]");
        assertThat(links.convert(block).text()).isEqualTo("[[related: 42]]");
        assertThat(links.convert(readMore).text()).isEqualTo("[[read-more: 42]]");
    }

    @Test
    void otherLinksToImportedPostsPointAtTheirNewAddressAndTheRestAreLeft() {
        String text = "<p>As <a href=\"https://old.example/2024/03/pier-reopens/\">we said</a>, and "
                + "<a href=\"https://elsewhere.example/2024/03/pier-reopens/\">they</a> too.</p>\n"
                + "<pre><a href=\"https://old.example/2024/03/pier-reopens/\">x</a> y</pre>";

        assertThat(links.convert(text).text())
                .isEqualTo("<p>As <a href=\"/local/2024/03/01/pier-reopens\">we said</a>, and "
                        + "<a href=\"https://elsewhere.example/2024/03/pier-reopens/\">they</a> too.</p>\n"
                        + "<pre><a href=\"/local/2024/03/01/pier-reopens\">x</a> y</pre>");
    }

    @Test
    void anHrefIsFoundInAnyCaseAsTheCaseBlindPatternFindsIt() {
        java.util.regex.Pattern caseBlind = java.util.regex.Pattern.compile("(?i)href=\"");
        java.util.List<String> pieces = java.util.List.of(
                "h", "H", "r", "R", "e", "E", "f", "F", "=", "\"", " ", "<a ", "x", "\u0130", "\u212A", "é", "href=\"",
                "HrEf=\"");
        long found = org.broadsheet.testkit.GeneratedTexts.sameAnswers(
                        20_000,
                        pieces,
                        14,
                        WxrLinks::hasHref,
                        text -> caseBlind.matcher(text).find())
                .stream()
                .filter(a -> a.answer())
                .count();
        assertThat(found).as("bodies with an href").isGreaterThan(2_000);
    }
}

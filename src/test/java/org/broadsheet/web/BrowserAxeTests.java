package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.broadsheet.testkit.Browsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The checker behind {@link AccessibilityTests} really finds violations, and says where. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class BrowserAxeTests {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    private static final String ACCESSIBLE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Accessible</title></head>
            <body><main><h1>Hello</h1><p>Plain black text on white.</p>
            <img src="data:," alt="A dot" width="1" height="1"></main></body>
            </html>
            """;

    private final BrowserSession browser = browsers.withJavaScript();

    @Test
    void accessiblePageHasNoViolations() {
        assertThat(violations(ACCESSIBLE)).isEmpty();
    }

    @Test
    void imageWithoutAltAndMissingLanguageAreViolationsNamingTheElement() {
        String broken = ACCESSIBLE.replace(" alt=\"A dot\"", "").replace(" lang=\"en\"", "");

        List<Rule> violations = violations(broken);

        assertThat(violations).extracting(Rule::getId).contains("image-alt", "html-has-lang");
        assertThat(BrowserAxe.describe(violations)).contains("image-alt (critical)", "  - img", "html: <img");
    }

    /** The reader-page checks rely on this: what the CSP refuses shows in the console they read. */
    @Test
    void theConsoleShowsWhatTheCspRefusedAndNotJsonLd() {
        browser.consoleMessages();
        String guarded = ACCESSIBLE.replace(
                "<head>",
                "<head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'\">"
                        + "<script type=\"application/ld+json\">{\"@type\": \"Thing\"}</script>");
        browser.load(dataUri(guarded));
        assertThat(browser.consoleMessages())
                .as("JSON-LD is data: the CSP does not apply")
                .isEmpty();
        browser.load(dataUri(guarded.replace("</main>", "<script>document.title = 'x';</script></main>")));
        assertThat(browser.consoleMessages()).anyMatch(message -> message.contains("Content Security Policy"));
    }

    private List<Rule> violations(String html) {
        return BrowserAxe.analyze(browser.load(dataUri(html))).getViolations();
    }

    private static URI dataUri(String html) {
        return URI.create("data:text/html;charset=utf-8,"
                + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}

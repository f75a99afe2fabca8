package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.testkit.Browsers;
import org.broadsheet.testkit.LiveSite;
import org.broadsheet.web.ReaderPages.ReaderPage;
import org.broadsheet.web.ReaderPages.Site;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every reader page, loaded in headless Chromium from the running site, has no WCAG 2.1
 * A/AA violation that axe-core can find. Axe cannot find everything (keyboard order,
 * meaningful alt text); it finds what a machine can, on every page, every build.
 * Rules axe could not decide ("incomplete", often contrast over images) are printed, not failed.
 */
@BroadsheetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class AccessibilityTests {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Autowired
    LiveSite live;

    private final BrowserSession browser = browsers.withJavaScript();
    private Site site;

    @BeforeAll
    void openBrowser() {
        site = new Site(live);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.broadsheet.web.ReaderPages#all")
    void readerPageHasNoWcag21AaViolations(ReaderPage page) {
        String path = page.path(site);
        browser.consoleMessages(); // forget the previous page's
        WebDriver driver = browser.load(site.uri(path));
        assertThat(browser.consoleMessages())
                .as("the console of %s (%s): the CSP refuses nothing, JSON-LD included", page, path)
                .noneMatch(message -> message.contains("Content Security Policy"));
        assertThat(BrowserAxe.unloadedStylesheets(driver))
                .as(
                        "stylesheets of %s (%s) that did not load; colour contrast cannot be judged without them",
                        page, path)
                .isEmpty();
        Results results = BrowserAxe.analyze(driver);

        System.out.printf(
                "axe checked %s (%s): %d rules passed, %d violated%n",
                page, path, results.getPasses().size(), results.getViolations().size());
        List<Rule> incomplete = results.getIncomplete();
        if (!incomplete.isEmpty()) {
            System.out.printf(
                    "axe could not decide on %s (%s), check by hand: %s%n", page, path, BrowserAxe.summary(incomplete));
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            String report = "%s (%s) has %d WCAG 2.1 AA violation(s): %s%n%s"
                    .formatted(
                            page,
                            path,
                            violations.size(),
                            BrowserAxe.summary(violations),
                            BrowserAxe.describe(violations));
            System.out.println(report);
            fail(report);
        }
    }
}

package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.WebDriver;

/**
 * The two checks every page type must pass: the W3C Nu HTML Checker on the HTML the server
 * sent, and axe-core (WCAG 2.1 A/AA) on the page as the browser shows it. Both run before a
 * failure, which then lists every problem. Rules axe could not decide, and the checker's
 * warnings, are printed, not failed.
 */
public final class PageChecks {

    private final NuChecker nu = new NuChecker();

    /** Fails with every problem found in {@code html} (as sent) and on {@code shown} (as displayed). */
    public void assertPasses(String what, byte[] html, WebDriver shown) {
        List<String> reports = new ArrayList<>();
        reports.addAll(htmlErrors(what, html));
        reports.addAll(axeViolations(what, shown));
        failIfAny(reports);
    }

    public static void failIfAny(List<String> reports) {
        if (!reports.isEmpty()) {
            fail(String.join("\n", reports));
        }
    }

    /** The Nu HTML Checker's error report, if it has any; its warnings are printed. */
    public List<String> htmlErrors(String what, byte[] html) {
        List<NuChecker.NuMessage> messages = nu.check(html);
        messages.stream()
                .filter(NuChecker.NuMessage::isWarning)
                .forEach(m -> System.out.printf("%s: HTML warning: %s%n", what, m.describe()));
        List<String> errors = messages.stream()
                .filter(NuChecker.NuMessage::isError)
                .map(NuChecker.NuMessage::describe)
                .toList();
        return errors.isEmpty()
                ? List.of()
                : List.of("%s is not valid HTML, %d error(s) (line:column):%n  %s"
                        .formatted(what, errors.size(), String.join("\n  ", errors)));
    }

    /** axe-core's report of WCAG 2.1 A/AA violations on the page as the browser shows it, if any. */
    public static List<String> axeViolations(String what, WebDriver page) {
        assertThat(BrowserAxe.unloadedStylesheets(page))
                .as("stylesheets of %s that did not load", what)
                .isEmpty();
        Results results = BrowserAxe.analyze(page);
        if (!results.getIncomplete().isEmpty()) {
            System.out.printf(
                    "axe could not decide on %s, check by hand: %s%n",
                    what, BrowserAxe.summary(results.getIncomplete()));
        }
        return results.getViolations().isEmpty()
                ? List.of()
                : List.of("%s (%s) has WCAG 2.1 AA violations:%n%s"
                        .formatted(what, page.getCurrentUrl(), BrowserAxe.describe(results.getViolations())));
    }
}

package org.broadsheet.web;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, run inside the browser on the loaded page, limited to the WCAG 2.1 A and AA
 * rules (DESIGN.md: "passes WCAG 2.1 AA"), with reports a developer can act on: rule,
 * impact, help, and each offending element's selector and HTML.
 */
public final class BrowserAxe {

    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private BrowserAxe() {}

    /** Runs axe on the page the driver shows; fails if axe itself could not run. */
    public static Results analyze(WebDriver driver) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException(
                    "axe-core could not check " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        return results;
    }

    /** The {@code href} of each linked stylesheet the browser could not load (a 404, a wrong MIME type). */
    @SuppressWarnings("unchecked")
    public static List<String> unloadedStylesheets(WebDriver driver) {
        Object hrefs = ((JavascriptExecutor) driver)
                .executeScript("return Array.from(document.querySelectorAll('link[rel~=stylesheet]'))"
                        + ".filter(l => !l.sheet).map(l => l.href);");
        return (List<String>) hrefs;
    }

    /** One block per rule: id, impact and help, then each element's selector, HTML and fix. */
    public static String describe(List<Rule> rules) {
        var report = new StringBuilder();
        for (Rule rule : rules) {
            report.append(rule.getId())
                    .append(" (")
                    .append(rule.getImpact())
                    .append("): ")
                    .append(rule.getHelp())
                    .append("\n    ")
                    .append(rule.getHelpUrl())
                    .append('\n');
            for (CheckedNode node : rule.getNodes()) {
                report.append("  - ")
                        .append(target(node.getTarget()))
                        .append('\n')
                        .append("      html: ")
                        .append(oneLine(node.getHtml()))
                        .append('\n');
                if (node.getFailureSummary() != null) {
                    report.append("      ")
                            .append(oneLine(node.getFailureSummary()))
                            .append('\n');
                }
            }
        }
        return report.toString();
    }

    /** Rule ids with their element counts, for one-line summaries. */
    public static String summary(List<Rule> rules) {
        return String.join(
                ", ",
                rules.stream().map(r -> r.getId() + " ×" + r.getNodes().size()).toList());
    }

    private static String target(Object target) {
        if (target instanceof List<?> parts) {
            return String.join(" >>> ", parts.stream().map(BrowserAxe::target).toList());
        }
        return String.valueOf(target);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }
}

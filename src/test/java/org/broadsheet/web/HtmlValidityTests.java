package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.testkit.LiveSite;
import org.broadsheet.web.NuChecker.NuMessage;
import org.broadsheet.web.ReaderPages.ReaderPage;
import org.broadsheet.web.ReaderPages.Site;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every reader page, fetched over real HTTP as a reader's browser gets it, answers its
 * status as HTML and is valid HTML by the W3C Nu HTML Checker. Warnings are printed,
 * errors fail the test with their line, column and message.
 */
@BroadsheetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlValidityTests {

    @Autowired
    LiveSite live;

    private final NuChecker checker = new NuChecker();
    private Site site;

    @BeforeAll
    void connect() {
        site = new Site(live);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.broadsheet.web.ReaderPages#all")
    void readerPageAnswersItsStatusAsHtml(ReaderPage page) {
        String path = page.path(site);
        HttpResponse<byte[]> response = site.get(path);

        assertThat(response.statusCode()).as("status of %s (%s)", page, path).isEqualTo(page.status());
        assertThat(response.headers().firstValue("Content-Type"))
                .as("Content-Type of %s (%s)", page, path)
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.broadsheet.web.ReaderPages#all")
    void readerPageIsValidHtml(ReaderPage page) {
        String path = page.path(site);
        List<NuMessage> messages = checker.check(site.get(path).body());

        List<NuMessage> warnings =
                messages.stream().filter(NuMessage::isWarning).toList();
        if (!warnings.isEmpty()) {
            System.out.printf("%s (%s) has %d HTML warning(s):%n%s%n", page, path, warnings.size(), describe(warnings));
        }
        List<NuMessage> errors = messages.stream().filter(NuMessage::isError).toList();
        if (!errors.isEmpty()) {
            String report = "%s (%s) is not valid HTML, %d error(s) (line:column):%n%s"
                    .formatted(page, path, errors.size(), describe(errors));
            System.out.println(report);
            fail(report);
        }
    }

    private static String describe(List<NuMessage> messages) {
        return messages.stream().map(m -> "  " + m.describe()).collect(Collectors.joining("\n"));
    }
}

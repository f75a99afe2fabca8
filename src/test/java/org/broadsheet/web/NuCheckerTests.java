package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.broadsheet.web.NuChecker.NuMessage;
import org.junit.jupiter.api.Test;

/** The checker behind {@link HtmlValidityTests} really finds errors, and only errors. */
class NuCheckerTests {

    private static final String VALID = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Valid</title></head>
            <body><main><h1>Hello</h1><p id="a">One</p><p id="b">Two</p></main></body>
            </html>
            """;

    private final NuChecker checker = new NuChecker();

    @Test
    void minimalValidDocumentHasNoErrors() {
        assertThat(errors(checker.check(VALID))).isEmpty();
    }

    @Test
    void imageWithoutAltAndDuplicateIdAreErrorsWithTheirPosition() {
        String broken = VALID.replace("<p id=\"b\">Two</p>", "<p id=\"a\">Two</p>\n<img src=\"x.png\">");

        List<NuMessage> errors = errors(checker.check(broken));

        assertThat(errors)
                .extracting(NuMessage::message)
                .anySatisfy(m -> assertThat(m).contains("Duplicate ID").contains("a"))
                .anySatisfy(m -> assertThat(m).contains("img").contains("alt"));
        assertThat(errors).allSatisfy(e -> assertThat(e.line()).isPositive());
        assertThat(errors).extracting(NuMessage::describe).allMatch(d -> d.matches("(?s)\\d+:\\d+ error: .+"));
    }

    @Test
    void strayEndTagIsAnError() {
        assertThat(errors(checker.check(VALID.replace("</main>", "</div></main>"))))
                .isNotEmpty();
    }

    private static List<NuMessage> errors(List<NuMessage> messages) {
        return messages.stream().filter(NuMessage::isError).toList();
    }
}

package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Markdown source our exports carry, string in, string out: every story reference keyed by
 * its target's slug now (the import keeps neither article ids nor former slugs), and the keys
 * the importer then looks for.
 */
class WxrMarkdownTests {

    private static final String REFERENCES = """
            [{"kind": "related", "id": 42, "slug": "pier-reopens", "slugs": ["pier-reopens", "old-pier-to-reopen"]},
             {"kind": "read-more", "id": 7, "slug": "ferry-winter", "slugs": ["ferry-winter"]}]""";

    @Test
    void referencesByIdOrFormerSlugAreWrittenWithTheSlugNow() {
        String source = "Intro.\n\n[[related: 42]]\n\n[[ read-more :7 ]]\n\n[[related: OLD-PIER-TO-REOPEN]]\n\nEnd.\n";

        assertThat(WxrItems.markdown(source, REFERENCES))
                .isEqualTo("Intro.\n\n[[related: pier-reopens]]\n\n[[read-more: ferry-winter]]\n\n"
                        + "[[related: pier-reopens]]\n\nEnd.\n");
    }

    @Test
    void textThatIsNotAReferenceAndReferencesToNothingAreLeftAsTyped() {
        String source = "See [[related: 42]] in a sentence.\n\n[[related: 999]]\n\n[[related: no-such-story]]\n"
                + "    [[related: pier-reopens]]\t\n";

        assertThat(WxrItems.markdown(source, REFERENCES))
                .isEqualTo("See [[related: 42]] in a sentence.\n\n[[related: 999]]\n\n[[related: no-such-story]]\n"
                        + "    [[related: pier-reopens]]\t\n");
        assertThat(WxrItems.markdown(source, "[]")).isEqualTo(source);
    }

    @Test
    void theImporterFindsTheKeysOfReferencesOnLinesOfTheirOwn() {
        assertThat(WxrLinks.referenceKeys("A [[related: x]] inline.\n[[related: Pier-Reopens]]\n\n[[read-more: 12]]\n"))
                .containsExactly("pier-reopens", "12");
    }
}

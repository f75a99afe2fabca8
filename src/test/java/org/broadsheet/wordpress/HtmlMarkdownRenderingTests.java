package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.testkit.SiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The import checks a converted body against the site's own rendering of it
 * ({@link ArticleImports#prerender}) and stores that rendering rather than render again. For
 * the generated bodies of {@link HtmlMarkdownPropertyTests}, this gives the very Markdown the
 * check with its own rendering gives, and the rendering kept is what readers get from that
 * Markdown.
 */
@org.broadsheet.BroadsheetTest
class HtmlMarkdownRenderingTests extends SiteTest {

    @Autowired
    ArticleImports imports;

    @Test
    void theSitesRenderingDecidesAsTheChecksOwnAndIsWhatReadersGet() {
        int kept = 0;
        for (long seed = 0; seed < 500; seed++) {
            String source = new HtmlMarkdownPropertyTests.Generator(new Random(seed))
                    .body()
                    .source();

            HtmlMarkdown.Converted converted = HtmlMarkdown.convert(source, imports::prerender);

            assertThat(converted.markdown()).as("seed %d", seed).isEqualTo(HtmlMarkdown.convert(source));
            if (converted.rendering() != null) {
                kept++;
                assertThat(converted.rendering().plainHtml())
                        .as("seed %d", seed)
                        .isEqualTo(HtmlMarkdownTests.rendered(converted.markdown()));
            }
        }
        assertThat(kept).as("bodies whose rendering was kept").isGreaterThan(250);
    }
}

package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.SiteTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The extras our own exports carry for the round trip, read from the hand-written
 * {@code wordpress/extras.xml}, some broken or hostile: what readers then see, and what was left
 * out and reported.
 */
@BroadsheetTest
class WxrExtrasImportTests extends SiteTest {

    private static final AtomicInteger RUN = new AtomicInteger((int) (System.nanoTime() % 9000) + 1000);

    @Autowired
    WordPressImporter importer;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private String u;
    private Path file;
    private ImportReport report;

    private void importExtras() throws Exception {
        int n = RUN.incrementAndGet();
        u = "xt" + n;
        String text;
        try (InputStream in = getClass().getResourceAsStream("/wordpress/extras.xml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        file = dir.resolve(u + ".xml");
        Files.writeString(file, text.replace("{{u}}", u).replace("{{id}}", "7" + n), StandardCharsets.UTF_8);
        report = importer.run(file, new WordPressImporter.Options(false, null, null), null);
    }

    private ArticleView herons() {
        return reader.findBySlug(u + "-herons").orElseThrow();
    }

    @Test
    void theMarkdownSourceIsTheBodyAndItsReferencesResolveEvenToLaterPosts() throws Exception {
        importExtras();
        Document page = site.page(herons().url());

        assertThat(page.select(".article-body strong").text()).isEqualTo("heronry");
        assertThat(page.text()).contains("Counted from the sea wall.").doesNotContain("Rendered HTML");
        assertThat(page.select(".article-body script")).isEmpty();
        assertThat(page.html()).doesNotContain("alert('imported')");
        assertThat(page.select(".story-card a").attr("href"))
                .isEqualTo(reader.findBySlug(u + "-mudflats").orElseThrow().url());
    }

    @Test
    void bylineNotesStaffRepliesLeadImageAndTheClosedCommentsComeBack() throws Exception {
        importExtras();
        Document page = site.page(herons().url());

        assertThat(page.select(".byline a").eachText()).containsExactly("Otto Sand", "Rita Reed");
        assertThat(page.select(".note-correction").text()).contains("An earlier version counted thirty pairs.");
        assertThat(page.select("li.comment-staff .comment-text").text()).isEqualTo("Thanks, we will add it.");
        assertThat(page.select(".lead-image img").attr("src")).isEqualTo("/assets/images/heron.svg");
        assertThat(page.select(".lead-image .caption").text()).isEqualTo("At low tide");
        assertThat(page.select("form#comment-form"))
                .as("closed to new comments")
                .isEmpty();
        assertThat(report.lines()).anyMatch(l -> l.contains("a note was left out"));
    }

    @Test
    void sectionsAndTagsComeWithTheirKindsAndDescriptionsEvenWithoutStories() throws Exception {
        importExtras();

        assertThat(importer.sections().findBySlug(u + "empty").orElseThrow().description())
                .isEqualTo("No stories yet.");
        assertThat(importer.tags().findBySlug(u + "heron").orElseThrow()).satisfies(t -> {
            assertThat(t.kind()).isEqualTo("person");
            assertThat(t.description()).isEqualTo("A bird everyone knows.");
        });
        assertThat(importer.tags().findBySlug(u + "odd").orElseThrow().kind()).isEqualTo("topic");
        assertThat(importer.authors().findBySlug(u + "rita").orElseThrow().bio())
                .isEqualTo("Covers the mudflats and the birds that feed there.");
    }

    @Test
    void aLeadImageOffTheSiteRefusesItsPostAndNothingElse() throws Exception {
        importExtras();

        assertThat(reader.findBySlug(u + "-elsewhere")).isEmpty();
        assertThat(report.lines()).anyMatch(l -> l.contains("A lead image from elsewhere") && l.contains("image.path"));
        assertThat(report.counted("post", ImportReport.Outcome.IMPORTED)).isEqualTo(2);
    }

    @Test
    void aSecondImportAddsNoNoteCommentOrTermTwice() throws Exception {
        importExtras();
        long id = herons().id();
        String before = counts(id);

        ImportReport again = importer.run(file, new WordPressImporter.Options(false, null, null), null);

        assertThat(counts(id)).isEqualTo(before).startsWith("1 notes, 2 comments");
        assertThat(again.counted("post", ImportReport.Outcome.UPDATED)).isEqualTo(2);
        assertThat(site.page(herons().url()).select(".note-correction")).hasSize(1);
    }

    private String counts(long articleId) {
        return jdbc.sql("""
                        select (select count(*) from article_note where article_id = :id) || ' notes, '
                               || (select count(*) from comment where article_id = :id) || ' comments, '
                               || (select count(*) from section where slug like :u) || ' sections, '
                               || (select count(*) from tag where slug like :u) || ' tags'""")
                .param("id", articleId)
                .param("u", u + "%")
                .query(String.class)
                .single();
    }
}

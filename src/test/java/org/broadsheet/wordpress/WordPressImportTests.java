package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleView;
import org.broadsheet.taxonomy.TermForm;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.TestImages;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Imports of the hand-written fixture {@code wordpress/quirks.xml}, each test with WordPress IDs
 * and slugs of its own, asserting what readers then see (and, for what readers never see:
 * held comments, drafts, what a comment keeps for moderation, what the database holds).
 */
@BroadsheetTest
class WordPressImportTests extends SiteTest {

    private static final AtomicInteger RUN = new AtomicInteger((int) (System.nanoTime() % 9000) + 1000);

    @Autowired
    WordPressImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @TempDir
    Path dir;

    record Fixture(String u, String id, Path file) {

        long wp(int n) {
            return Long.parseLong(id + n);
        }
    }

    Fixture fixture() throws IOException {
        int n = RUN.incrementAndGet();
        String u = "wx" + n;
        String id = Integer.toString(n);
        String text;
        try (InputStream in = getClass().getResourceAsStream("/wordpress/quirks.xml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = dir.resolve(u + ".xml");
        Files.writeString(file, text.replace("{{u}}", u).replace("{{id}}", id), StandardCharsets.UTF_8);
        return new Fixture(u, id, file);
    }

    ImportReport run(Path file) throws Exception {
        return importer.run(file, new WordPressImporter.Options(false, null, null), null);
    }

    long article(Fixture f, int n) {
        return importer.items().target(ImportedItems.Kind.POST, f.wp(n)).orElseThrow();
    }

    @Test
    void importsAPublishedPostAsReadersSeeIt() throws Exception {
        Fixture f = fixture();
        ImportReport report = run(f.file());

        ArticleView truce = reader.findBySlug(f.u() + "-truce").orElseThrow();
        assertThat(truce.headline()).isEqualTo("Octopus & crab agree a truce \uD83D\uDC19");
        Document page = site.page(truce.url());
        String body = page.select("article").html();
        assertThat(page.text())
                .contains("a[i]]>b")
                .contains("\u201C\uD835\uDD38-shaped\u201D")
                .contains("Two old rivals settle the matter of the pier.")
                .contains("Ann Quayside")
                .doesNotContain("wp:paragraph")
                .doesNotContain("[caption")
                .doesNotContain("[embed]");
        assertThat(body).contains("<figcaption>The crab, before the talks</figcaption>");
        assertThat(page.select("a[href=https://video.example/watch/tide]")).isNotEmpty();
        assertThat(truce.url()).startsWith("/" + f.u() + "harbour/2024/03/01/");
        assertThat(page.select("a[href*=/tag/" + f.u() + "]").eachText())
                .contains("Moorings", "Weather & tides", "Octopus");
        assertThat(accounts.list())
                .filteredOn(a -> a.email().equals(f.u() + "ann@old.example"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.enabled()).isFalse();
                    assertThat(a.role()).isEqualTo(Role.CONTRIBUTOR);
                    assertThat(a.name()).isEqualTo("Ann Quayside");
                });
        assertThat(report.lines())
                .anyMatch(l -> l.contains("'Moorings' was under '" + f.u() + "harbour': flattened"))
                .anyMatch(l -> l.contains("shortcodes left as text: ") && l.contains("poll"))
                .anyMatch(l -> l.contains("page") && l.contains("About the Gazette") && l.contains("skipped"))
                .anyMatch(l -> l.contains("127.0.0.1:9/wp-content/uploads/crab.jpg"));
    }

    @Test
    void postsAndCommentsAreWrittenInBatchesNotOneByOne() throws Exception {
        Fixture f = fixture();
        ImportReport report = run(f.file());

        assertThat(report.lines()).noneMatch(l -> l.contains(ImportBatch.FELL_BACK));
        assertThat(report.counted("post", ImportReport.Outcome.IMPORTED)).isEqualTo(7);
    }

    @Test
    void keepsEveryStatusOfPostsAndComments() throws Exception {
        Fixture f = fixture();
        ImportReport report = run(f.file());

        assertThat(status(article(f, 2))).isEqualTo("draft");
        assertThat(status(article(f, 3))).isEqualTo("published");
        assertThat(status(article(f, 4))).isEqualTo("in_review");
        assertThat(status(article(f, 5))).isEqualTo("scheduled");
        assertThat(status(article(f, 6))).isEqualTo("unpublished");
        assertThat(report.lines()).anyMatch(l -> l.contains("author '" + f.u() + "ghost' is not in the file"));

        List<Map<String, Object>> threads =
                jdbc.sql("""
                        select c.status, c.depth, c.author_name, c.author_email, host(c.ip) as ip, c.user_agent
                          from comment c where c.article_id = ? order by c.created_at""").param(article(f, 1)).query().listOfRows();
        assertThat(threads)
                .extracting(r -> r.get("status") + "/" + r.get("depth"))
                .containsExactly(
                        "approved/1",
                        "approved/2",
                        "pending/3",
                        "spam/1",
                        "trash/1",
                        "approved/1",
                        "approved/2",
                        "approved/4");
        assertThat(threads.get(0)).containsEntry("ip", "192.0.2.10").containsEntry("user_agent", "TestBrowser/1.0");
        assertThat(threads.get(5))
                .containsEntry("author_name", "Anonymous")
                .containsEntry("author_email", WxrComments.NO_EMAIL);
        assertThat(report.counted("comment", ImportReport.Outcome.SKIPPED)).isEqualTo(1); // the pingback

        Document page = site.page(reader.findById(article(f, 1)).orElseThrow().url());
        assertThat(page.text())
                .contains("Peace at last on the pier.", "it will not last the summer", "still welcome")
                .doesNotContain("three deep", "Buy nets", "Thrown away", "pat@mail.example", "192.0.2.10");
    }

    @Test
    void noCommentIsLostOnPostsReadersCannotSeeOrUnderHiddenComments() throws Exception {
        Fixture f = fixture();
        ImportReport report = run(f.file());

        assertThat(report.lines()).noneMatch(l -> l.contains(ImportBatch.FELL_BACK));
        keptWhole(f, report);
    }

    @Test
    void noCommentIsLostWhenABatchIsWrittenAgainOneByOne() throws Exception {
        Fixture f = fixture();
        String text = Files.readString(f.file());
        int start = text.lastIndexOf("\t<item>", text.indexOf("<wp:post_id>" + f.wp(2) + "</wp:post_id>"));
        int end = text.indexOf("</item>", start) + "</item>".length();
        // The draft twice in one batch: its WordPress ID is recorded twice, the batch fails as a whole.
        Files.writeString(f.file(), text.substring(0, end) + "\n" + text.substring(start, end) + text.substring(end));

        ImportReport report = run(f.file());

        assertThat(report.lines()).anyMatch(l -> l.contains(ImportBatch.FELL_BACK));
        keptWhole(f, report);
    }

    /** Every comment of the fixture but the pingback, with its status and its parent, and what readers see. */
    private void keptWhole(Fixture f, ImportReport report) {
        assertThat(report.lines()).noneMatch(l -> l.contains("comment") && l.contains("no longer available"));
        assertThat(report.counted("comment", ImportReport.Outcome.IMPORTED)).isEqualTo(11);
        assertThat(comments(article(f, 2))).containsExactly("pending/-", "approved/" + comment(f, "21"));
        assertThat(comments(article(f, 6))).containsExactly("approved/-");
        assertThat(comments(article(f, 1))).contains("approved/" + comment(f, "04"), "approved/" + comment(f, "03"));

        Document page = site.page(reader.findById(article(f, 1)).orElseThrow().url());
        assertThat(page.select("ol.comment-list > li > article .comment-text").eachText())
                .as("the reply to the spam has no approved ancestor: a thread of its own")
                .contains("Answering the net seller: no thanks.");
        assertThat(page.select("#comment-" + comment(f, "02") + " > ol.comment-replies .comment-text")
                        .eachText())
                .as("the reply to the held comment takes its place, under the approved comment above it")
                .containsExactly("Approved, under a comment still held.");
        assertThat(page.text()).doesNotContain("three deep", "Buy nets");
    }

    private long comment(Fixture f, String n) {
        return importer.items()
                .target(ImportedItems.Kind.COMMENT, Long.parseLong(f.id() + n))
                .orElseThrow();
    }

    /** The article's comments as status/parent, oldest first. */
    private List<String> comments(long articleId) {
        return jdbc.sql("""
                        select status || '/' || coalesce(parent_id::text, '-') from comment
                         where article_id = ? order by created_at""").param(articleId).query(String.class).list();
    }

    @Test
    void linksBetweenPostsBecomeStoryReferencesAndNewAddresses() throws Exception {
        Fixture f = fixture();
        run(f.file());
        String truce = reader.findById(article(f, 1)).orElseThrow().url();

        Document page = site.page(reader.findById(article(f, 10)).orElseThrow().url());

        assertThat(page.text()).doesNotContain("[[");
        assertThat(page.select("p.read-more a").attr("href"))
                .isEqualTo(reader.findById(article(f, 3)).orElseThrow().url());
        assertThat(references(article(f, 10)))
                .containsExactlyInAnyOrder("related:" + article(f, 1), "read-more:" + article(f, 3));
        assertThat(page.select("a:containsOwn(we reported)").attr("href")).isEqualTo(truce);
        assertThat(references(article(f, 2))).containsExactly("related:" + article(f, 10)); // a post further on
    }

    @Test
    void linksToPostsWhoseBatchIsStillBeingWrittenWaitForIt() throws Exception {
        // More posts than two batches: while one batch is written the next fills, and each post
        // links to the one before it (in the batch filling or the one being written) and to the first.
        int n = RUN.incrementAndGet();
        int posts = ImportBatch.MAX_POSTS * 2 + 50;
        StringBuilder xml = new StringBuilder(WxrReaderTests.HEAD);
        for (int i = 1; i <= posts; i++) {
            String body = i == 1
                    ? "<p>The first.</p>"
                    : "<p>Number " + i + ".</p>\n<p><a href=\"https://old.example/c" + n + "-" + (i - 1)
                            + "/\">Before</a></p>\n<p>READ MORE: <a href=\"https://old.example/c" + n
                            + "-1/\">The first</a></p>";
            xml.append("<item><title>Chain ")
                    .append(i)
                    .append("</title><dc:creator>nobody</dc:creator>")
                    .append("<link>https://old.example/c")
                    .append(n)
                    .append('-')
                    .append(i)
                    .append("/</link>")
                    .append("<content:encoded><![CDATA[")
                    .append(body)
                    .append("]]></content:encoded>")
                    .append("<wp:post_id>")
                    .append(n)
                    .append(String.format("%04d", i))
                    .append("</wp:post_id>")
                    .append("<wp:post_name>c")
                    .append(n)
                    .append('-')
                    .append(i)
                    .append("</wp:post_name>")
                    .append("<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>")
                    .append("<wp:post_date_gmt>2024-01-02 03:04:05</wp:post_date_gmt></item>\n");
        }
        Path file = dir.resolve("chain.xml");
        Files.writeString(file, xml.append("</channel></rss>").toString(), StandardCharsets.UTF_8);

        ImportReport report = run(file);

        assertThat(report.counted("post", ImportReport.Outcome.IMPORTED)).isEqualTo(posts);
        assertThat(report.failures()).isZero();
        long first = chained(n, 1);
        for (int i = 2; i <= posts; i++) {
            assertThat(references(chained(n, i)))
                    .as("post %d", i)
                    .containsExactlyInAnyOrder("related:" + chained(n, i - 1), "read-more:" + first);
        }
        Document page =
                site.page(reader.findById(chained(n, posts)).orElseThrow().url());
        assertThat(page.select("p.read-more a").attr("href"))
                .isEqualTo(reader.findById(first).orElseThrow().url());
    }

    @Test
    void batchesWrittenAtOnceLoseNothingAndAPostNamedTwiceIsUpdatedNotDuplicated() throws Exception {
        // More batches than writers, no links between them (nothing makes one wait for another),
        // each post with a comment; the first post comes again at the end, batches later.
        int n = RUN.incrementAndGet();
        int posts = ImportBatch.MAX_POSTS * (ImportBatch.WRITERS + 1) + 10;
        StringBuilder xml = new StringBuilder(WxrReaderTests.HEAD);
        for (int i = 1; i <= posts; i++) {
            xml.append(parallelItem(n, i, "Number " + i + "."));
        }
        xml.append(parallelItem(n, 1, "Number 1, corrected."));
        Path file = dir.resolve("parallel.xml");
        Files.writeString(file, xml.append("</channel></rss>").toString(), StandardCharsets.UTF_8);

        ImportReport report = run(file);

        assertThat(report.failures()).isZero();
        assertThat(report.lines()).noneMatch(l -> l.contains(ImportBatch.FELL_BACK));
        assertThat(report.counted("post", ImportReport.Outcome.IMPORTED)).isEqualTo(posts);
        assertThat(report.counted("post", ImportReport.Outcome.UPDATED)).isEqualTo(1);
        assertThat(report.counted("comment", ImportReport.Outcome.IMPORTED)).isEqualTo(posts);
        List<Long> articles = java.util.stream.IntStream.rangeClosed(1, posts)
                .mapToObj(i -> chained(n, i))
                .toList();
        assertThat(articles).doesNotHaveDuplicates();
        assertThat(jdbc.sql("select count(*) from article where slug like ?")
                        .param("p" + n + "-%")
                        .query(Long.class)
                        .single())
                .isEqualTo(posts);
        for (int i = 1; i <= posts; i += 97) {
            assertThat(comments(chained(n, i))).as("post %d", i).containsExactly("approved/-");
        }
        Document page = site.page(reader.findById(chained(n, 1)).orElseThrow().url());
        assertThat(page.text()).contains("Number 1, corrected.", "Comment on " + 1);
        assertThat(site.page(reader.findById(chained(n, posts)).orElseThrow().url())
                        .text())
                .contains("Number " + posts + ".", "Comment on " + posts);
    }

    private static String parallelItem(int run, int i, String text) {
        String id = run + String.format("%04d", i);
        return "<item><title>Parallel " + i + "</title><dc:creator>nobody</dc:creator>"
                + "<link>https://old.example/p" + run + "-" + i + "/</link>"
                + "<content:encoded><![CDATA[<p>" + text + "</p>]]></content:encoded>"
                + "<wp:post_id>" + id + "</wp:post_id><wp:post_name>p" + run + "-" + i + "</wp:post_name>"
                + "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
                + "<wp:post_date_gmt>2024-01-02 03:04:05</wp:post_date_gmt>"
                + "<wp:comment><wp:comment_id>" + id + "</wp:comment_id><wp:comment_author>Reader " + i
                + "</wp:comment_author><wp:comment_author_email>r" + i + "@mail.example</wp:comment_author_email>"
                + "<wp:comment_date_gmt>2024-01-03 03:04:05</wp:comment_date_gmt>"
                + "<wp:comment_content>Comment on " + i + "</wp:comment_content>"
                + "<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent>"
                + "</wp:comment></item>\n";
    }

    private long chained(int run, int i) {
        return importer.items()
                .target(ImportedItems.Kind.POST, Long.parseLong(run + String.format("%04d", i)))
                .orElseThrow();
    }

    @Test
    void bodiesArriveAsMarkdownWhereThatLosesNothingAndAsHtmlElsewhere() throws Exception {
        Fixture f = fixture();
        run(f.file());

        assertThat(markdown(article(f, 1)))
                .startsWith("The truce was signed at low tide. Code in the log read `a[i]]>b`, which")
                .contains("\n\nMathematicians call the pier \u201C\uD835\uDD38-shaped\u201D; the octopus \uD83D\uDC19")
                .contains("\n\n<figure><img src=\"https://old.example/wp-content/uploads/crab.jpg\"")
                .contains("\n\n[https://video.example/watch/tide](https://video.example/watch/tide)\n\n")
                .doesNotContain("<p>");
        assertThat(markdown(article(f, 10)))
                .isEqualTo("The story so far.\n\n[[related: " + article(f, 1) + "]]\n\n[[read-more: " + article(f, 3)
                        + "]]\n\nAs [we reported]("
                        + reader.findById(article(f, 1)).orElseThrow().url()
                        + "), the pier is calm.");
        Document page = site.page(reader.findById(article(f, 1)).orElseThrow().url());
        assertThat(page.select("article code").text()).isEqualTo("a[i]]>b");
        assertThat(page.select("article figure img[width=300]")).hasSize(1);
    }

    private String markdown(long id) {
        return jdbc.sql("select body_markdown from article where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private List<String> references(long id) {
        return jdbc.sql("select kind || ':' || target_id from article_reference where article_id = ?")
                .param(id)
                .query(String.class)
                .list();
    }

    @Test
    void aFeaturedImageFromTheUploadsBecomesTheLeadImageAndPagesGoToTheirSection() throws Exception {
        Fixture f = fixture();
        Path uploads = Files.createDirectories(dir.resolve("uploads-" + f.u()));
        Files.write(uploads.resolve("crab.jpg"), TestImages.jpeg(800, 600));
        importer.sections().create(TermForm.section(f.u() + "pages", "Pages " + f.u(), ""));

        ImportReport report =
                importer.run(f.file(), new WordPressImporter.Options(false, f.u() + "pages", uploads), null);

        assertThat(report.counted("attachment", ImportReport.Outcome.IMPORTED)).isEqualTo(1);
        Document page = site.page(reader.findById(article(f, 1)).orElseThrow().url());
        assertThat(page.select("img[src^=/media/]")).isNotEmpty();
        long about = importer.items().target(ImportedItems.Kind.PAGE, f.wp(8)).orElseThrow();
        assertThat(reader.findById(about).orElseThrow().url()).startsWith("/" + f.u() + "pages/");
    }

    @Test
    void anAttachmentReachableAtItsUrlIsFetchedIntoTheLibrary() throws Exception {
        byte[] jpeg = TestImages.jpeg(640, 480);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/wp-content/uploads/crab.jpg", exchange -> {
            exchange.sendResponseHeaders(200, jpeg.length);
            try (var body = exchange.getResponseBody()) {
                body.write(jpeg);
            }
        });
        server.start();
        try {
            Fixture f = fixture();
            Files.writeString(
                    f.file(),
                    Files.readString(f.file())
                            .replace(
                                    "127.0.0.1:9/",
                                    "127.0.0.1:" + server.getAddress().getPort() + "/"));

            ImportReport report = run(f.file());

            assertThat(report.counted("attachment", ImportReport.Outcome.IMPORTED))
                    .isEqualTo(1);
            Document page =
                    site.page(reader.findById(article(f, 1)).orElseThrow().url());
            assertThat(page.select("img[src^=/media/]")).isNotEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void duplicateSlugsGetTheirOwnArticles() throws Exception {
        Fixture f = fixture();
        run(f.file());
        assertThat(reader.findById(article(f, 3)).orElseThrow().url()).endsWith("/" + f.u() + "-same-2");
    }

    @Test
    void aSecondImportUpdatesInsteadOfDuplicating() throws Exception {
        Fixture f = fixture();
        run(f.file());
        long before = articles.count();
        long comments = commentCount();

        ImportReport again = run(f.file());

        assertThat(articles.count()).isEqualTo(before);
        assertThat(commentCount()).isEqualTo(comments);
        assertThat(again.counted("post", ImportReport.Outcome.UPDATED)).isEqualTo(7);
        assertThat(again.counted("post", ImportReport.Outcome.IMPORTED)).isZero();
        assertThat(again.failures()).isZero();
        assertThat(reader.findById(article(f, 3)).orElseThrow().url()).endsWith("/" + f.u() + "-same-2");
    }

    @Test
    void anImportStoppedHalfWayFinishesOnTheNextRun() throws Exception {
        Fixture f = fixture();
        String whole = Files.readString(f.file());
        int cut = whole.indexOf("\t<item>", whole.indexOf("<wp:post_id>" + f.wp(3)));
        Path half = dir.resolve("half.xml");
        Files.writeString(half, whole.substring(0, cut) + "</channel></rss>");
        run(half);
        assertThat(importer.items().target(ImportedItems.Kind.POST, f.wp(4))).isEmpty();
        long before = articles.count();

        ImportReport rest = run(f.file());

        assertThat(articles.count()).isEqualTo(before + 4);
        assertThat(rest.counted("post", ImportReport.Outcome.UPDATED)).isEqualTo(3);
        assertThat(rest.counted("post", ImportReport.Outcome.IMPORTED)).isEqualTo(4);
        assertThat(rest.counted("comment", ImportReport.Outcome.IMPORTED))
                .as("only the private post's, which comes after the cut")
                .isEqualTo(1);
    }

    @Test
    void aDryRunWritesNothing() throws Exception {
        Fixture f = fixture();
        long before = articles.count();
        ImportReport report = importer.run(f.file(), new WordPressImporter.Options(true, null, null), null);
        assertThat(articles.count()).isEqualTo(before);
        assertThat(importer.items().known(ImportedItems.Kind.POST, f.wp(1))).isFalse();
        assertThat(importer.sections().findBySlug(f.u() + "harbour")).isEmpty();
        assertThat(report.counted("post", ImportReport.Outcome.IMPORTED)).isEqualTo(7);
        assertThat(report.text()).startsWith("WordPress import (dry run: nothing written)");
    }

    @Test
    void oldAddressesAnswer301InEachPermalinkStructure() throws Exception {
        Fixture f = fixture();
        run(f.file());
        String truce = reader.findById(article(f, 1)).orElseThrow().url();
        String same = reader.findById(article(f, 3)).orElseThrow().url();
        String links = reader.findById(article(f, 10)).orElseThrow().url();

        assertThat(moved("/2024/03/" + f.u() + "-truce/")).isEqualTo(truce);
        assertThat(moved("/2024/03/" + f.u() + "-truce")).isEqualTo(truce);
        assertThat(moved("/" + f.u() + "-links/")).isEqualTo(links);
        assertThat(moved("/?p=" + f.wp(3))).isEqualTo(same);
        assertThat(moved("/?p=" + f.wp(1))).isEqualTo(truce);
        assertThat(moved("/category/" + f.u() + "harbour/")).isEqualTo("/" + f.u() + "harbour");
        assertThat(moved("/category/" + f.u() + "harbour/" + f.u() + "moorings/"))
                .isEqualTo("/tag/" + f.u() + "moorings");
        assertThat(moved("/tag/" + f.u() + "octopus/")).isEqualTo("/tag/" + f.u() + "octopus");
        assertThat(moved("/author/" + f.u() + "ann/")).isEqualTo("/author/" + f.u() + "ann");
        assertThat(moved("/feed/")).isEqualTo("/feed");
        assertThat(site.status("/" + f.u() + "-private/")).isEqualTo(404); // not shown, so not redirected
        assertThat(site.status("/?p=99999999999")).isEqualTo(200); // the front page, as before
    }

    private String moved(String path) {
        MockHttpServletResponse response = site.get(path);
        assertThat(response.getStatus()).as(path).isEqualTo(301);
        return response.getHeader("Location");
    }

    private String status(long id) {
        return jdbc.sql("select status from article where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private long commentCount() {
        return jdbc.sql("select count(*) from comment").query(Long.class).single();
    }
}

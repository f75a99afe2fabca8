package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.NoteKind;
import org.broadsheet.comment.CommentService.Posted;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.platform.JarCommand;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The export as WordPress's importer would read it: parsed back as XML and checked element by
 * element for an article with tags, a byline, a correction, story references and a thread of
 * comments in every status, for a draft, and for text that XML and CDATA cannot hold as it is.
 */
@BroadsheetTest
@Transactional
class WxrExportTests extends SiteTest {

    private static final String WP = WxrWriter.WP;

    @Autowired
    WxrExporter exporter;

    @Autowired
    ApplicationContext context;

    @Test
    void anArticleWithItsTermsNotesReferencesAndThreadedCommentsInEveryStatus() throws Exception {
        ArticleView target = stories.publish(stories.form("Tide gauges go digital " + Unique.word("t")));
        ArticleView article = stories.publish(stories.form("Harbour board votes " + Unique.word("h"))
                .withStandfirst("A short summary with <b> & ]]> in it.")
                .withBody("First paragraph.\n\n[[related: " + target.slug() + "]]\n\n[[read-more: " + target.slug()
                        + "]]\n\nLast paragraph."));
        workflow.addNote(article.id(), NoteKind.CORRECTION, "An earlier version named the wrong pier.", Instant.now());
        Posted root = comments.importComment(
                article.id(), Comments.comment("Ana", "Root ]]> comment"), CommentStatus.APPROVED, Instant.now());
        Posted reply = comments.importComment(
                article.id(), Comments.reply("Bo", "A reply", root.id()), CommentStatus.APPROVED, Instant.now());
        comments.importComment(
                article.id(), Comments.reply("Cy", "Deepest", reply.id()), CommentStatus.PENDING, Instant.now());
        comments.importComment(article.id(), Comments.comment("Spammer", "Buy"), CommentStatus.SPAM, Instant.now());
        comments.importComment(article.id(), Comments.comment("Gone", "Bin"), CommentStatus.TRASH, Instant.now());

        Document wxr = export();
        assertThat(text(channel(wxr), WP, "wxr_version")).isEqualTo("1.2");
        Element item = item(wxr, article.id());
        assertThat(text(item, null, "title")).isEqualTo(article.headline());
        assertThat(text(item, WP, "status")).isEqualTo("publish");
        assertThat(text(item, WP, "post_name")).isEqualTo(article.slug());
        assertThat(text(item, WP, "post_type")).isEqualTo("post");
        assertThat(text(item, WxrWriter.EXCERPT, "encoded")).isEqualTo("A short summary with <b> & ]]> in it.");
        assertThat(text(item, null, "link")).endsWith(article.url());
        assertThat(text(item, WP, "post_date_gmt")).matches("20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(categories(item, "category")).containsExactly(article.sectionName());
        assertThat(categories(item, "post_tag"))
                .containsExactlyElementsOf(
                        article.tags().stream().map(ArticleView.Link::name).toList());

        String body = text(item, WxrWriter.CONTENT, "encoded");
        String link = text(item(wxr, target.id()), null, "link");
        assertThat(body)
                .contains("First paragraph.")
                .contains("Last paragraph.")
                .contains("<p><a href=\"" + link + "\">" + target.headline() + "</a></p>")
                .contains("<p>READ MORE: <a href=\"" + link + "\">" + target.headline() + "</a></p>")
                .doesNotContain("<!--ref:");
        assertThat(meta(item, "_broadsheet_note"))
                .singleElement()
                .asString()
                .contains("\"kind\":\"correction\"")
                .contains("the wrong pier");

        List<Element> thread = children(item, WP, "comment");
        assertThat(thread)
                .extracting(c -> text(c, WP, "comment_approved"))
                .containsExactly("1", "1", "0", "spam", "trash");
        assertThat(thread)
                .extracting(c -> text(c, WP, "comment_parent"))
                .containsExactly("0", Long.toString(root.id()), Long.toString(reply.id()), "0", "0");
        assertThat(text(thread.get(0), WP, "comment_content")).isEqualTo("Root ]]> comment");
        assertThat(text(thread.get(0), WP, "comment_author_email")).contains("@");
    }

    @Test
    void draftsAreExportedWithTheirStatusAndAnAddressThatNeedsNoPermalink() throws Exception {
        long draft = stories.draft(stories.form("Unfinished piece " + Unique.word("d")));
        long review = stories.draft(stories.form("Waiting for the desk " + Unique.word("r")));
        workflow.submitForReview(review);

        Document wxr = export();
        assertThat(text(item(wxr, draft), WP, "status")).isEqualTo("draft");
        assertThat(text(item(wxr, draft), null, "link")).endsWith("/?p=" + draft);
        assertThat(text(item(wxr, review), WP, "status")).isEqualTo("pending");
    }

    @Test
    void theCommandWritesTheFileWholeAndGzippedWhenAsked() throws Exception {
        ArticleView article = stories.publish(stories.form("Export over the command line " + Unique.word("c")));
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "export-");
        Path file = dir.resolve("site.xml.gz");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = new ExportWxrCommand()
                .run(
                        context,
                        new String[] {"export-wxr", file.toString()},
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(JarCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Exported ").contains(" articles");
        assertThat(dir.resolve("site.xml.gz.part")).doesNotExist();
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(item(parse(in.readAllBytes()), article.id())).isNotNull();
        }
        assertThat(new ExportWxrCommand()
                        .run(context, new String[] {"export-wxr"}, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(JarCommand.USAGE);
        assertThat(new ExportWxrCommand()
                        .run(
                                context,
                                new String[] {
                                    "export-wxr", dir.resolve("no/such/dir.xml").toString()
                                },
                                new PrintStream(out),
                                new PrintStream(err)))
                .isEqualTo(JarCommand.FAILED);
    }

    @Test
    void textXmlCannotHoldIsLeftOutAndCdataEndsAreSplit() {
        assertThat(WxrWriter.clean("a\u0001b\u0000c\uFFFEd\tok\n😀")).isEqualTo("abcd\tok\n😀");
        assertThat(WxrWriter.clean("lone \uD800 surrogate")).isEqualTo("lone  surrogate");
    }

    private Document export() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(out, "Test Gazette");
        return parse(out.toByteArray());
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Element item(Document wxr, long postId) {
        for (Element item : children(
                (Element)
                        wxr.getDocumentElement().getElementsByTagName("channel").item(0),
                null,
                "item")) {
            if (text(item, WP, "post_id").equals(Long.toString(postId))
                    && text(item, WP, "post_type").equals("post")) {
                return item;
            }
        }
        throw new AssertionError("No item for post " + postId);
    }

    private static Element channel(Document wxr) {
        return (Element)
                wxr.getDocumentElement().getElementsByTagName("channel").item(0);
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && name.equals(e.getLocalName())
                    && (namespace == null ? e.getNamespaceURI() == null : namespace.equals(e.getNamespaceURI()))) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent();
    }

    private static List<String> categories(Element item, String domain) {
        return children(item, null, "category").stream()
                .filter(c -> c.getAttribute("domain").equals(domain))
                .map(Element::getTextContent)
                .toList();
    }

    private static List<String> meta(Element item, String key) {
        return children(item, WP, "postmeta").stream()
                .filter(m -> text(m, WP, "meta_key").equals(key))
                .map(m -> text(m, WP, "meta_value"))
                .toList();
    }
}

package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.BroadsheetApplication;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.NoteKind;
import org.broadsheet.comment.CommentForm;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.platform.JarCommand;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.taxonomy.TermForm;
import org.broadsheet.testkit.FreePorts;
import org.broadsheet.testkit.Stories;
import org.broadsheet.web.SiteUrls;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Export, then import into an empty site, gives back the same content. The source is a site of
 * its own (the demo edition, plus stories in every status with a byline of two, notes, story
 * references by slug, by ID and to a later story, a lead image from the library, comments closed
 * on one story, and comments in every status with a staff reply and replies to hidden comments),
 * serving at the address it exports, so the import fetches its images as from a live site; the target is a second site on a second embedded PostgreSQL, empty, which
 * imports the file through {@code import-wxr}. Both are then read with the same SQL, field by
 * field, and some of their reader pages compared. Times are compared to the second (WXR's).
 */
class WxrRoundTripTests {

    @TempDir
    static Path dir;

    private static ConfigurableApplicationContext source;
    private static ConfigurableApplicationContext target;
    private static String importOutput;
    private static int importCode;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void exportAndImportIntoAnEmptySite() throws Exception {
        int port = FreePorts.any();
        // The source's address is its own: the import fetches the library's images from it, as from a live site.
        String url = "http://127.0.0.1:" + port;
        source = site(dir.resolve("source"), true, port, url);
        target = site(dir.resolve("target"), false, 0, url);
        write(source);
        Path file = dir.resolve("site.xml");
        assertThat(command(source, new ExportWxrCommand(), "export-wxr", file.toString()))
                .isEqualTo(JarCommand.OK);
        importCode = command(target, new ImportWxrCommand(), "import-wxr", file.toString());
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext site : new ConfigurableApplicationContext[] {target, source}) {
            if (site != null) {
                site.close();
            }
        }
    }

    private static ConfigurableApplicationContext site(Path dataDir, boolean demo, int port, String url) {
        return new SpringApplication(BroadsheetApplication.class)
                .run(
                        "--server.port=" + port,
                        "--broadsheet.data-dir=" + dataDir,
                        "--broadsheet.demo=" + demo,
                        "--broadsheet.site.url=" + url,
                        // the source site's media are fetched from its loopback address
                        "--broadsheet.wordpress.fetch-private-addresses=true",
                        "--logging.level.org.broadsheet.demo=ERROR");
    }

    private static int command(ConfigurableApplicationContext site, JarCommand command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = command.run(
                site,
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        importOutput = out.toString(StandardCharsets.UTF_8);
        return code;
    }

    /** What the source holds beyond the demo edition: something of every kind the round trip must keep. */
    private static void write(ConfigurableApplicationContext site) {
        Stories stories = site.getBean(Stories.class);
        ArticleWorkflow workflow = site.getBean(ArticleWorkflow.class);
        CommentService comments = site.getBean(CommentService.class);
        site.getBean(SectionService.class)
                .create(TermForm.section("lighthouses", "Lighthouses", "Keepers, lamps and the last manned towers."));
        site.getBean(TagService.class)
                .create(TermForm.tag("fog-banks", "Fog banks", "place", "Where the ships slow down."));

        ArticleView earlier = stories.publish(
                stories.form("The old pier reopens"), Instant.now().minus(Duration.ofDays(3)));
        ArticleForm form = stories.form("Ferry timetable changes for winter")
                .withStandfirst("Fewer crossings, earlier last boats.")
                .withBody("Crossings drop from six to four a day.\n\n[[related: " + earlier.slug() + "]]\n\n"
                        + "## What changes\n\n- the first boat leaves at 7\n- the last at 18\n\n[[read-more: "
                        + earlier.id() + "]]\n\nThe *council* meets again in March.\n")
                .withAuthors(List.of(Stories.AUTHOR, "amara-okafor"))
                .withTags(List.of(Stories.TAG, "fog-banks"));
        org.broadsheet.media.MediaItem photo =
                site.getBean(org.broadsheet.testkit.Images.class).jpeg(800, 600, "Library alt text");
        form = form.withImage(new org.broadsheet.article.LeadImage(
                null, "The ferry at the quay", "The last boat, at dusk", "Harbour desk", null, null, photo.id(), null));
        ArticleView ferry = stories.publish(form, Instant.now().minus(Duration.ofHours(5)));
        // A reference to a story further on in the file: it resolves on the import's third reading.
        ArticleView later = stories.publish(
                stories.form("A harbour master retires"), Instant.now().minus(Duration.ofHours(1)));
        site.getBean(org.broadsheet.article.ArticleService.class)
                .update(ferry.id(), form.withBody(form.body() + "\n[[related: " + later.id() + "]]\n"));
        workflow.addNote(ferry.id(), NoteKind.CORRECTION, "An earlier version gave the wrong last boat.", null);
        workflow.addNote(ferry.id(), NoteKind.UPDATE, "The council confirmed the timetable.", null);

        long root = comments.importComment(
                        ferry.id(),
                        comment("Ana", "Will the night boat stay?", null),
                        CommentStatus.APPROVED,
                        Instant.now().minusSeconds(3600))
                .id();
        long held = comments.importComment(
                        ferry.id(),
                        comment("Bo", "Held for a moderator.", root),
                        CommentStatus.PENDING,
                        Instant.now().minusSeconds(3000))
                .id();
        comments.importComment(
                ferry.id(),
                comment("Cy", "Approved, under the held one.", held),
                CommentStatus.APPROVED,
                Instant.now().minusSeconds(2000));
        comments.importComment(
                ferry.id(),
                comment("Spammer", "Cheap tickets here.", null),
                CommentStatus.SPAM,
                Instant.now().minusSeconds(1500));
        comments.importComment(
                ferry.id(),
                comment("Gone", "Thrown away.", null),
                CommentStatus.TRASH,
                Instant.now().minusSeconds(1400));
        comments.replyAsStaff(root, "Night desk", "desk@news.example", "Yes, on Fridays.");

        long draft = stories.draft(stories.form("Notes for a lighthouse feature"));
        comments.importComment(
                draft,
                comment("Editor", "Check the keeper's name.", null),
                CommentStatus.PENDING,
                Instant.now().minusSeconds(900));
        long review = stories.draft(stories.form("Dredging contract awarded"));
        workflow.submitForReview(review);
        workflow.publish(
                stories.draft(stories.form("Tall ships festival next summer")),
                Instant.now().plus(Duration.ofDays(200))); // scheduled
        long gone = stories.publish(
                        stories.form("Fishing quota row"), Instant.now().minus(Duration.ofDays(2)))
                .id();
        workflow.addNote(gone, NoteKind.CORRECTION, "The quota is per boat, not per crew.", null);
        workflow.unpublish(gone);
        workflow.setCommentsOpen(earlier.id(), false);
    }

    private static CommentForm comment(String name, String text, Long parent) {
        return new CommentForm(name, name.toLowerCase() + "@mail.example", null, text, parent);
    }

    // ---- what both sites hold, read the same way

    private static final String SECOND = "'YYYY-MM-DD\"T\"HH24:MI:SS'";

    private static final String ARTICLES = """
            select a.slug, a.headline, a.standfirst, a.status, a.body_markdown, a.body_html, s.slug as section,
                   a.comments_open, a.image_alt, a.image_caption, a.image_credit, a.image_width, a.image_height,
                   a.image_media_id is not null as from_library,
                   to_char(date_trunc('second', a.published_at) at time zone 'UTC', %1$s) as published,
                   case when a.status in ('published', 'unpublished')
                        then to_char(date_trunc('second', a.updated_at) at time zone 'UTC', %1$s) end as updated,
                   array_to_string(array(select au.slug from article_author aa join author au on au.id = aa.author_id
                                          where aa.article_id = a.id order by aa.position), ',') as byline,
                   array_to_string(array(select t.slug from article_tag at join tag t on t.id = at.tag_id
                                          where at.article_id = a.id order by at.position), ',') as tags,
                   array_to_string(array(select r.kind || ':' || t.slug from article_reference r
                                          join article t on t.id = r.target_id where r.article_id = a.id
                                          order by 1), ',') as refs,
                   array_to_string(array(select n.kind || ' ' || to_char(n.noted_at at time zone 'UTC', %1$s)
                                                || ' ' || n.body
                                          from article_note n where n.article_id = a.id order by n.noted_at, n.id),
                                   ' | ') as notes
              from article a join section s on s.id = a.section_id order by a.slug""".formatted(SECOND);

    private static final String COMMENTS = """
            select a.slug as article, c.author_name, c.author_email, c.author_url, c.body, c.status, c.staff, c.depth,
                   host(c.ip) as ip, c.user_agent, to_char(date_trunc('second', c.created_at), %1$s) as at,
                   p.author_name || ' ' || to_char(date_trunc('second', p.created_at), %1$s) as parent
              from comment c join article a on a.id = c.article_id left join comment p on p.id = c.parent_id
             order by a.slug, c.created_at, c.author_name, c.body""".formatted(SECOND);

    private static List<Map<String, Object>> rows(ConfigurableApplicationContext site, String sql) {
        return site.getBean(JdbcClient.class).sql(sql).query().listOfRows();
    }

    private static Map<String, Map<String, Object>> articles(ConfigurableApplicationContext site) {
        Map<String, String> slugs = new LinkedHashMap<>();
        rows(site, "select id, slug from article")
                .forEach(r -> slugs.put(r.get("id").toString(), (String) r.get("slug")));
        Map<String, Map<String, Object>> bySlug = new LinkedHashMap<>();
        for (Map<String, Object> row : rows(site, ARTICLES)) {
            Map<String, Object> copy = new LinkedHashMap<>(row);
            copy.put("body_markdown", bySlugs(REFERENCE, (String) row.get("body_markdown"), slugs));
            copy.put("body_html", bySlugs(MARKER, (String) row.get("body_html"), slugs));
            bySlug.put((String) row.get("slug"), copy);
        }
        return bySlug;
    }

    private static final Pattern REFERENCE = Pattern.compile("(\\[\\[(?:related|read-more): )(\\d+)(]])");
    private static final Pattern MARKER = Pattern.compile("(<!--ref:(?:related|read-more):)(\\d+)(-->)");

    /** Story references by ID (which differ between two sites) written with the target's slug. */
    private static String bySlugs(Pattern pattern, String text, Map<String, String> slugs) {
        return pattern.matcher(text)
                .replaceAll(m ->
                        Matcher.quoteReplacement(m.group(1) + slugs.getOrDefault(m.group(2), m.group(2)) + m.group(3)));
    }

    @Test
    void theImportReportsNoFailure() {
        assertThat(importCode).as(importOutput).isEqualTo(JarCommand.OK);
    }

    @Test
    void everyArticleComesBackFieldByField() {
        Map<String, Map<String, Object>> before = articles(source);
        Map<String, Map<String, Object>> after = articles(target);

        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        before.forEach((slug, row) -> {
            Map<String, Object> expected = new LinkedHashMap<>(row);
            Map<String, Object> actual = new LinkedHashMap<>(after.get(slug));
            if (!List.of("published", "unpublished", "scheduled").contains(row.get("status"))) {
                expected.remove("published"); // drafts and reviews have no publication time
                actual.remove("published");
            }
            assertThat(actual).as(slug).isEqualTo(expected);
        });
        assertThat(before.values())
                .extracting(r -> r.get("status"))
                .contains("published", "draft", "in_review", "scheduled", "unpublished");
        assertThat(before.values()).anyMatch(r -> r.get("notes").toString().contains("correction"));
        assertThat(before.values()).anyMatch(r -> r.get("byline").toString().contains(","));
        assertThat(before.values()).anyMatch(r -> Boolean.FALSE.equals(r.get("comments_open")));
        assertThat(before.values()).anyMatch(r -> Boolean.TRUE.equals(r.get("from_library")));
    }

    @Test
    void sectionsTagsAndAuthorsComeBackWithDescriptionsKindsAndBios() {
        for (String sql : List.of(
                "select slug, name, description from section order by position, id",
                "select slug, name, kind, description from tag order by slug",
                "select slug, name, bio from author order by slug")) {
            assertThat(rows(target, sql)).as(sql).isEqualTo(rows(source, sql));
        }
        assertThat(rows(source, "select bio from author where bio <> ''")).isNotEmpty();
        assertThat(rows(source, "select kind from tag where kind <> 'topic'")).isNotEmpty();
    }

    @Test
    void commentsComeBackWithStatusesThreadingAndStaffFlags() {
        List<Map<String, Object>> before = rows(source, COMMENTS);

        assertThat(rows(target, COMMENTS)).isEqualTo(before);
        assertThat(before).extracting(r -> r.get("status")).contains("approved", "pending", "spam", "trash");
        assertThat(before).anyMatch(r -> Boolean.TRUE.equals(r.get("staff")));
    }

    @Test
    void readerPagesOfArticlesReadTheSame() throws Exception {
        List<Map<String, Object>> shown = rows(source, """
                select a.slug, s.slug as section, a.published_at from article a join section s on s.id = a.section_id
                 where a.status = 'published' and a.published_at <= now()
                 order by (select count(*) from comment c where c.article_id = a.id) desc, a.id limit 4""");
        SiteUrls urls = source.getBean(SiteUrls.class);
        for (Map<String, Object> row : shown) {
            String path = urls.article(
                    (String) row.get("section"), ((java.sql.Timestamp) row.get("published_at")).toInstant(), (String)
                            row.get("slug"));
            assertThat(page(target, path)).as(path).isEqualTo(page(source, path));
        }
    }

    /** The page's main content without its forms, comment numbers made neutral (they differ between sites). */
    private static String page(ConfigurableApplicationContext site, String path) throws Exception {
        String port = site.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        Element main = Jsoup.parse(response.body()).selectFirst("main");
        main.select("form").remove();
        return main.html()
                .replaceAll("comment-\\d+", "comment-N")
                .replaceAll("replytocom=\\d+", "replytocom=N")
                .replaceAll("/media/[A-Za-z0-9_-]+/", "/media/K/")
                .replaceAll("data-reply-to=\"\\d+\"", "data-reply-to=\"N\"");
    }
}

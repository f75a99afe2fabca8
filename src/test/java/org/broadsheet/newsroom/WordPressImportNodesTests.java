package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.BroadsheetApplication;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.platform.EmbeddedPostgresServer;
import org.broadsheet.testkit.GeneratedWxr;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.wordpress.WordPressImports;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Newsroom WordPress imports behind a load balancer: the test's site is node A, and node B is a
 * second application on the same PostgreSQL. A job uploaded on A is followed to its report on
 * B's page; a job whose node went silent for a minute, or shut down, reads as stopped on every
 * node, with what to do about it.
 */
@BroadsheetTest
class WordPressImportNodesTests extends SiteTest {

    private static final AtomicInteger RUN = new AtomicInteger((int) (System.nanoTime() % 90_000) + 300_000);
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path dataB;

    @TempDir
    static Path dataC;

    private static ConfigurableApplicationContext b;

    @Autowired
    EmbeddedPostgresServer database;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startNodeB() {
        if (b == null) {
            b = node(dataB);
        }
    }

    @AfterAll
    static void stopNodeB() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void anImportUploadedOnOneNodeIsFollowedToItsReportOnAnother() throws Exception {
        String u = "nn" + RUN.incrementAndGet();
        MockHttpServletResponse started = site.perform(multipart(NewsroomUrls.WORDPRESS_IMPORT)
                .file(new MockMultipartFile("file", u + ".xml", "application/xml", export(u)))
                .param("pages", "")
                .with(staff.as(Role.ADMINISTRATOR))
                .with(csrf()));
        assertThat(started.getStatus()).isEqualTo(303);
        String url = started.getRedirectedUrl();

        Document onB = finishedOn(b, url);
        assertThat(onB.select("h1").text()).isEqualTo("Import of " + u + ".xml");
        assertThat(onB.select("[role=status]").text()).isEqualTo("Finished.");
        assertThat(onB.select("pre.nr-report").text())
                .contains("imported")
                .isEqualTo(
                        Jsoup.parse(site.get(url, staff.as(Role.ADMINISTRATOR)).getContentAsString())
                                .select("pre.nr-report")
                                .text());
        assertThat(reader.findBySlug(u + "-truce")).isPresent();
        Document list = Jsoup.parse(get(b, NewsroomUrls.WORDPRESS_IMPORT).body());
        assertThat(list.select("ul[aria-labelledby=jobs-heading] li").eachText())
                .contains(u + ".xml: done");
    }

    @Test
    void aRunningImportShowsItsProgressOnEveryNodeUntilItsNodeFallsSilent() throws Exception {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into wordpress_import_job (id, filename, dry_run, state, progress, node)"
                        + " values (?, 'running.xml', false, 'RUNNING', 'Items 120 of 400', 'far-node-1')")
                .params(id)
                .update();

        HttpResponse<String> running = get(b, NewsroomUrls.wordpressImport(id));
        assertThat(running.headers().firstValue("Refresh")).hasValue("2");
        assertThat(Jsoup.parse(running.body()).select("[role=status]").text())
                .startsWith("Importing on server far-node-1: Items 120 of 400.");

        jdbc.sql("update wordpress_import_job set updated_at = now() - interval '61 seconds' where id = ?")
                .params(id)
                .update();
        HttpResponse<String> silent = get(b, NewsroomUrls.wordpressImport(id));
        assertThat(silent.statusCode()).isEqualTo(200);
        assertThat(silent.headers().firstValue("Refresh"))
                .as("no longer refreshing")
                .isEmpty();
        Document page = Jsoup.parse(silent.body());
        assertThat(page.select("[role=alert]").text()).isEqualTo("Stopped.");
        assertThat(page.select("pre.nr-report").text())
                .contains("far-node-1")
                .contains("importing the same file again finishes the job");
        Document list = Jsoup.parse(site.get(NewsroomUrls.WORDPRESS_IMPORT, staff.as(Role.ADMINISTRATOR))
                .getContentAsString());
        assertThat(list.select("ul[aria-labelledby=jobs-heading] li").eachText())
                .contains("running.xml: stopped");
    }

    @Test
    void aNodeThatShutsDownMarksItsUnfinishedImportsStoppedAndItsNextStartDeletesTheirFiles() throws Exception {
        Path leftover = dataC.resolve("wordpress-imports").resolve(UUID.randomUUID() + ".wxr");
        Files.createDirectories(leftover.getParent());
        Files.writeString(leftover, "<rss/>");
        ConfigurableApplicationContext c = node(dataC);
        assertThat(leftover)
                .as("an upload left by the last run of this data directory")
                .doesNotExist();
        WordPressImports imports = c.getBean(WordPressImports.class);
        // The node's one runner is busy with a long dry run, so the second upload waits behind it.
        imports.start(
                new ByteArrayInputStream(GeneratedWxr.tides(5_000).getBytes(StandardCharsets.UTF_8)),
                "long.xml",
                true,
                null);
        String id = imports.start(
                        new ByteArrayInputStream(export("nn" + RUN.incrementAndGet())), "cut-short.xml", false, null)
                .id();

        c.close();

        Document page = Jsoup.parse(get(b, NewsroomUrls.wordpressImport(id)).body());
        assertThat(page.select("[role=alert]").text()).isEqualTo("Stopped.");
        assertThat(page.select("pre.nr-report").text())
                .contains("shut down")
                .contains("importing the same file again finishes the job");
    }

    // ---- helpers

    private ConfigurableApplicationContext node(Path dataDir) {
        return SpringApplication.run(
                BroadsheetApplication.class,
                "--server.port=0",
                "--broadsheet.data-dir=" + dataDir,
                "--broadsheet.demo=false",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username());
    }

    /** The page on {@code node}, signed in as this test's administrator (sessions are in PostgreSQL). */
    private HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
        MockHttpServletRequest signedIn = staff.as(Role.ADMINISTRATOR).postProcessRequest(new MockHttpServletRequest());
        StringBuilder cookies = new StringBuilder();
        for (Cookie cookie : signedIn.getCookies()) {
            cookies.append(cookies.isEmpty() ? "" : "; ")
                    .append(cookie.getName())
                    .append('=')
                    .append(cookie.getValue());
        }
        String port = node.getEnvironment().getProperty("local.server.port");
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Cookie", cookies.toString())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Document finishedOn(ConfigurableApplicationContext node, String url) throws Exception {
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> page = get(node, url);
            assertThat(page.statusCode()).isEqualTo(200);
            if (page.headers().firstValue("Refresh").isEmpty()) {
                return Jsoup.parse(page.body());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The import at " + url + " did not finish in 30 s");
    }

    /** The importer's hand-written fixture, with names and ids of its own. */
    private static byte[] export(String u) {
        try (InputStream in = WordPressImportNodesTests.class.getResourceAsStream("/wordpress/quirks.xml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("{{u}}", u).replace("{{id}}", u.substring(2)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

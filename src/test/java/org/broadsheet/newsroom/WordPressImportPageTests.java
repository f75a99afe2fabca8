package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.web.NewsroomUrls;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Importing a WordPress export from the newsroom: administrators only; the upload answers 303
 * to the import's own page, which refreshes itself while the import runs in the background and
 * shows the report at the end. A dry run changes nothing; a refused file says where it broke.
 */
@BroadsheetTest
class WordPressImportPageTests extends SiteTest {

    /** Post ids and names no other test imports (the importer's own tests count from 1,000). */
    private static final AtomicInteger RUN = new AtomicInteger((int) (System.nanoTime() % 90_000) + 100_000);

    @Test
    void onlyAdministratorsMayImport() {
        assertThat(site.get(NewsroomUrls.WORDPRESS_IMPORT, staff.as(Role.EDITOR))
                        .getStatus())
                .isEqualTo(403);
        String u = "np" + RUN.incrementAndGet();
        MockHttpServletResponse refused =
                site.perform(upload(u + ".xml", export(u), false).with(staff.as(Role.EDITOR)));
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(site.get(NewsroomUrls.WORDPRESS_IMPORT, staff.as(Role.ADMINISTRATOR))
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void aDryRunReportsAndChangesNothingThenTheImportBringsThePostsIn() throws Exception {
        String u = "np" + RUN.incrementAndGet();
        byte[] file = export(u);

        Document dry = finished(start(u + ".xml", file, true));
        assertThat(dry.select("h1").text()).contains("(dry run)");
        assertThat(dry.select("pre.nr-report").text()).contains("dry run");
        assertThat(reader.findBySlug(u + "-truce")).isEmpty();

        Document real = finished(start(u + ".xml", file, false));
        assertThat(real.select("[role=status]").text()).isEqualTo("Finished.");
        assertThat(real.select("pre.nr-report").text()).contains("imported");
        assertThat(reader.findBySlug(u + "-truce")).isPresent();

        Document list = Jsoup.parse(site.get(NewsroomUrls.WORDPRESS_IMPORT, staff.as(Role.ADMINISTRATOR))
                .getContentAsString());
        assertThat(list.select("ul[aria-labelledby=jobs-heading] li").eachText())
                .anyMatch(line -> line.startsWith(u + ".xml (dry run): done"))
                .anyMatch(line -> line.equals(u + ".xml: done"));
    }

    @Test
    void aFileThatIsNotAWordPressExportIsRefusedSayingWhere() throws Exception {
        Document page = finished(
                start("page.html", "<html><body>not an export</body></html>".getBytes(StandardCharsets.UTF_8), false));
        assertThat(page.select("[role=alert]").text()).isEqualTo("Refused.");
        assertThat(page.select("pre.nr-report").text())
                .contains("nothing was imported")
                .contains("line 1");
    }

    @Test
    void anUploadWithoutAFileIsShownAgainWithTheReason() throws Exception {
        MockHttpServletResponse refused = site.perform(multipart(NewsroomUrls.WORDPRESS_IMPORT)
                .param("pages", "")
                .with(staff.as(Role.ADMINISTRATOR))
                .with(csrf()));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.getContentAsString())
                        .select("#file-error")
                        .text())
                .contains("Choose a WordPress export file");
    }

    /** Uploads {@code file}; returns the import page's address. */
    private String start(String name, byte[] file, boolean dryRun) {
        MockHttpServletResponse started =
                site.perform(upload(name, file, dryRun).with(staff.as(Role.ADMINISTRATOR)));
        assertThat(started.getStatus()).isEqualTo(303);
        assertThat(started.getRedirectedUrl()).startsWith(NewsroomUrls.WORDPRESS_IMPORT + "/");
        return started.getRedirectedUrl();
    }

    /** The import page once the import is over (it says to refresh until then). */
    private Document finished(String url) throws Exception {
        for (int i = 0; i < 300; i++) {
            MockHttpServletResponse page = site.get(url, staff.as(Role.ADMINISTRATOR));
            assertThat(page.getStatus()).isEqualTo(200);
            if (page.getHeader("Refresh") == null) {
                return Jsoup.parse(page.getContentAsString());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The import at " + url + " did not finish in 30 s");
    }

    private static MockMultipartHttpServletRequestBuilder upload(String name, byte[] file, boolean dryRun) {
        var request = multipart(NewsroomUrls.WORDPRESS_IMPORT)
                .file(new MockMultipartFile("file", name, "application/xml", file))
                .param("pages", "");
        if (dryRun) {
            request.param("dryRun", "true");
        }
        request.with(csrf());
        return request;
    }

    /** The importer's hand-written fixture, with names and ids of its own. */
    private static byte[] export(String u) {
        try (InputStream in = WordPressImportPageTests.class.getResourceAsStream("/wordpress/quirks.xml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("{{u}}", u).replace("{{id}}", u.substring(2)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

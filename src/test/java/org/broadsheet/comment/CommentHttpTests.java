package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.testkit.Comments.comment;
import static org.broadsheet.testkit.Comments.visitor;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.SiteTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The comment form over real HTTP, through Tomcat and the security filters, as browsers send
 * it. Nothing here can roll back: each test writes its own article and leaves the policy alone.
 */
@BroadsheetTest
class CommentHttpTests extends SiteTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HttpBrowser browser() {
        return new HttpBrowser(port);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private long approvedCount(ArticleView article) {
        return jdbc.sql("select count(*) from comment where article_id = ? and status = 'approved'")
                .param(article.id())
                .query(Long.class)
                .single();
    }

    @Test
    void parallelPostsOnOneArticleAllLand() throws Exception {
        ArticleView article = commenting.article("Busy thread");
        int readers = 8;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Callable<List<Integer>>> jobs = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                int readerNo = r;
                jobs.add(() -> {
                    HttpBrowser browser = browser();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        browser.get(article.url());
                        statuses.add(browser.submit(Map.of(
                                        "name",
                                        "Reader " + readerNo,
                                        "email",
                                        "parallel-" + readerNo + "-" + i + "-" + Comments.email(),
                                        "comment",
                                        "Parallel comment " + readerNo + "/" + i))
                                .statusCode());
                    }
                    return statuses;
                });
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> result : pool.invokeAll(jobs)) {
                statuses.addAll(result.get());
            }
            assertThat(statuses).hasSize(readers * each).containsOnly(303);
        } finally {
            pool.shutdownNow();
        }
        assertThat(approvedCount(article)).isEqualTo(readers * each);
        HttpBrowser anyone = browser();
        anyone.get(article.url());
        assertThat(anyone.lastPage.selectFirst("#comments-heading").text()).isEqualTo(readers * each + " Comments");
        int perPage = policies.current().perPage();
        assertThat(anyone.lastPage.select(".comment-list > li")).hasSize(Math.min(perPage, readers * each));
        anyone.get(article.url() + "?comment-page=2");
        assertThat(anyone.lastPage.select(".comment-list > li")).hasSize(readers * each - perPage);
    }

    @Test
    void formPostedFromAnotherSitesPageGetsTheForbiddenPage() throws Exception {
        ArticleView article = commenting.article("Cross-site over HTTP");
        HttpBrowser browser = browser();
        browser.get(article.url());
        browser.origin = "https://elsewhere.example";
        browser.fetchSite = "cross-site";
        HttpResponse<String> forged =
                browser.submit(Map.of("name", "Eve", "email", Comments.email(), "comment", "Cross-site"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(forged.body()).selectFirst("h1").text()).isEqualTo("Comment not accepted");
        assertThat(forged.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(approvedCount(article)).isZero();

        browser.origin = "http://localhost:" + port;
        browser.fetchSite = "same-origin";
        assertThat(browser.submit(Map.of("name", "Eve", "email", Comments.email(), "comment", "From the page"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(approvedCount(article)).isEqualTo(1);
    }

    @Test
    void invalidUtf8IsRefusedWith400() throws Exception {
        ArticleView article = commenting.article("Invalid UTF-8 over HTTP");
        HttpBrowser browser = browser();
        browser.get(article.url());
        String hidden = browser.lastPage.select("#comment-form input[type=hidden]").stream()
                .map(i -> URLEncoder.encode(i.attr("name"), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(i.attr("value"), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        for (String comment : List.of("caf%C3%28", "%FF%FE", "%ED%A0%80")) {
            byte[] body = (hidden + "&name=Ivy&email=ivy%40example.org&comment=" + comment)
                    .getBytes(StandardCharsets.US_ASCII);
            assertThat(browser.post(body).statusCode()).as(comment).isEqualTo(400);
        }
        byte[] raw = (hidden + "&name=Ivy&email=ivy%40example.org&comment=").getBytes(StandardCharsets.US_ASCII);
        byte[] withRawByte = java.util.Arrays.copyOf(raw, raw.length + 2);
        withRawByte[raw.length] = (byte) 0xC3;
        withRawByte[raw.length + 1] = (byte) 0x28;
        assertThat(browser.post(withRawByte).statusCode()).isEqualTo(400);
        assertThat(approvedCount(article)).isZero();
    }

    @Test
    void commentsGoToGzipClientsCompressedOnceAndKept() throws Exception {
        ArticleView article = commenting.article("Compressed comments");
        for (int i = 0; i < 30; i++) {
            comments.post(
                    article.id(),
                    comment("Reader " + i, "Comment number " + i + " on the compressed page."),
                    visitor());
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> gzip = http.send(
                HttpRequest.newBuilder(uri(article.url()))
                        .header("Accept-Encoding", "br;q=0.5, gzip;q=0.8")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
        String page;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body()))) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Document doc = Jsoup.parse(page);
        assertThat(doc.selectFirst("#comments-heading").text()).isEqualTo("30 Comments");
        assertThat(doc.select("#comment-form input[name=token]").attr("value")).isNotBlank();
        assertThat(doc.selectFirst("footer.site-footer")).isNotNull();

        HttpResponse<String> plain = http.send(
                HttpRequest.newBuilder(uri(article.url())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(Jsoup.parse(plain.body()).select(".comment-list > li")).hasSize(30);
        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(uri(article.url()))
                        .header("Accept-Encoding", "gzip;q=0, identity")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void oversizedFormIsRefusedWith413() throws Exception {
        ArticleView article = commenting.article("Oversized form");
        HttpBrowser browser = browser();
        browser.get(article.url());
        HttpResponse<String> huge =
                browser.submit(Map.of("name", "Max", "email", Comments.email(), "comment", "x".repeat(3_000_000)));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(huge.body()).selectFirst("h1").text()).isEqualTo("Too large");
        HttpResponse<String> tooLong =
                browser.submit(Map.of("name", "Max", "email", Comments.email(), "comment", "y".repeat(10_001)));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(tooLong.body()).getElementById("comment-error").text())
                .isEqualTo("Comment must be at most 10,000 characters");
        assertThat(approvedCount(article)).isZero();
    }
}

package org.broadsheet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the Java process while readers post comments and an editor's client writes
 * articles through the API: after a restart, every comment and article the site acknowledged
 * (303 after a comment, 201 after a create) is there exactly once. Writes cut off by the kill
 * got no answer and may or may not be there; none may be there twice.
 */
class KillDashNineTests {

    private static final String MARK = "kill-nine-";
    private static final String TOKEN = "bst_" + "killninefaulttesttokenkillninefaulttesttoke";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void everyAcknowledgedCommentAndArticleSurvivesKillNineOnceEach() throws Exception {
        Set<String> comments = ConcurrentHashMap.newKeySet();
        Set<String> articles = ConcurrentHashMap.newKeySet();
        AtomicInteger cutOff = new AtomicInteger();
        try (SiteProcess site = SiteProcess.start(dataDir, options())) {
            String[] byline = grantToken(site.postgresPort());
            String article = articleWithForm(site);
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(6);
            List<Future<?>> load = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                load.add(writers.submit(() -> {
                    postComments(site, article, writer, writing, comments, cutOff);
                    return null;
                }));
                load.add(writers.submit(() -> {
                    createArticles(site, byline, writer, writing, articles, cutOff);
                    return null;
                }));
            }
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((comments.size() < 60 || articles.size() < 30) && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            site.killHard(); // mid-load: the writers are still sending
            writing.set(false);
            for (Future<?> f : load) {
                f.get(30, TimeUnit.SECONDS);
            }
            writers.shutdown();
        }
        assertThat(comments).as("comments acknowledged before the kill").hasSizeGreaterThan(10);
        assertThat(articles).as("articles acknowledged before the kill").hasSizeGreaterThan(5);

        try (SiteProcess again = SiteProcess.start(dataDir, options())) {
            assertThat(http.send(get(again.url("/")), HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .as("the front page after the restart")
                    .isEqualTo(200);
            Map<String, Integer> foundComments = count(again.postgresPort(), "select body from comment");
            Map<String, Integer> foundArticles = count(again.postgresPort(), "select slug from article");
            System.out.printf(
                    "kill -9 mid-load: comments acknowledged %d, found %d of them (%d with the mark in all);"
                            + " articles acknowledged %d, found %d of them (%d in all); writes cut off: %d%n",
                    comments.size(),
                    comments.stream().filter(foundComments::containsKey).count(),
                    foundComments.size(),
                    articles.size(),
                    articles.stream().filter(foundArticles::containsKey).count(),
                    foundArticles.size(),
                    cutOff.get());
            assertThat(foundComments).as("acknowledged comments").containsKeys(comments.toArray(String[]::new));
            assertThat(foundArticles).as("acknowledged articles").containsKeys(articles.toArray(String[]::new));
            assertThat(foundComments.values()).as("copies of each comment").containsOnly(1);
            assertThat(foundArticles.values()).as("copies of each article").containsOnly(1);
        }
    }

    private static String[] options() {
        return new String[] {
            "--broadsheet.demo=true",
            "--broadsheet.comments.moderation=none",
            "--broadsheet.comments.min-form-time=0",
            "--broadsheet.comments.flood-interval=0",
            "--broadsheet.comments.flood-per-hour=0",
            "--broadsheet.comments.close-after-days=0"
        };
    }

    private void postComments(
            SiteProcess site,
            String article,
            int writer,
            AtomicBoolean writing,
            Set<String> acknowledged,
            AtomicInteger cutOff)
            throws Exception {
        {
            Document page = Jsoup.parse(
                    http.send(get(site.url(article)), HttpResponse.BodyHandlers.ofString())
                            .body(),
                    site.url(article));
            Element form = page.selectFirst("form#comment-form");
            Map<String, String> fields = new LinkedHashMap<>();
            for (Element hidden : form.select("input[type=hidden]")) {
                fields.put(hidden.attr("name"), hidden.attr("value"));
            }
            fields.put("name", "Reader " + writer);
            fields.put("email", "reader" + writer + "@readers.example");
            for (int n = 0; writing.get(); n++) {
                String body = MARK + "comment-" + writer + "-" + n;
                fields.put("comment", body);
                HttpRequest post = HttpRequest.newBuilder(URI.create(site.url("/comments")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", site.url(""))
                        .header("Sec-Fetch-Site", "same-origin")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                        .build();
                if (!acknowledged(post, 303, writing, cutOff)) {
                    return;
                }
                acknowledged.add(body);
            }
        }
    }

    private void createArticles(
            SiteProcess site,
            String[] byline,
            int writer,
            AtomicBoolean writing,
            Set<String> acknowledged,
            AtomicInteger cutOff)
            throws Exception {
        for (int n = 0; writing.get(); n++) {
            String slug = MARK + "story-" + writer + "-" + n;
            String json = """
                    {"headline": "Written under fire %d %d", "slug": "%s", "standfirst": "Saved before the kill.",
                     "body_markdown": "A paragraph that must survive.", "section": "%s", "authors": ["%s"]}
                    """.formatted(writer, n, slug, byline[0], byline[1]);
            HttpRequest post = HttpRequest.newBuilder(URI.create(site.url("/api/v1/articles")))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + TOKEN)
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            if (!acknowledged(post, 201, writing, cutOff)) {
                return;
            }
            acknowledged.add(slug);
        }
    }

    /** Sends {@code request}: true when answered with {@code expected}; false when the kill cut it off. */
    private boolean acknowledged(HttpRequest request, int expected, AtomicBoolean writing, AtomicInteger cutOff)
            throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException killed) {
            cutOff.incrementAndGet();
            return false;
        }
        if (response.statusCode() != expected && writing.get()) {
            throw new AssertionError(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.statusCode() == expected;
    }

    /** An article whose page carries the comment form. */
    private String articleWithForm(SiteProcess site) throws Exception {
        Document front = Jsoup.parse(
                http.send(get(site.url("/")), HttpResponse.BodyHandlers.ofString())
                        .body(),
                site.url("/"));
        for (String link : front.select("main a[href]").eachAttr("abs:href")) {
            String href = URI.create(link).getPath();
            if (href.matches("/[^/]+/\\d{4}/\\d{2}/\\d{2}/[^/]+")) {
                String page = http.send(get(site.url(href)), HttpResponse.BodyHandlers.ofString())
                        .body();
                if (Jsoup.parse(page).selectFirst("form#comment-form") != null) {
                    return href;
                }
            }
        }
        throw new AssertionError("No article with a comment form on the front page");
    }

    /** Gives an administrator the test's API token, as the newsroom would (its SHA-256 only); returns a section and an author. */
    private static String[] grantToken(int postgresPort) throws Exception {
        try (Connection c = connect(postgresPort)) {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into api_token (staff_id, name, token_hash)
                    select id, 'kill -9 test', ? from staff_user where role = 'administrator' order by id limit 1
                    """)) {
                s.setString(
                        1,
                        HexFormat.of()
                                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                        .digest(TOKEN.getBytes(StandardCharsets.UTF_8))));
                assertThat(s.executeUpdate())
                        .as("an administrator to hold the token")
                        .isEqualTo(1);
            }
            return new String[] {
                first(c, "select slug from section order by id"), first(c, "select slug from author order by id")
            };
        }
    }

    private static String first(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** How many rows carry each value starting with the test's mark. */
    private static Map<String, Integer> count(int postgresPort, String select) throws Exception {
        try (Connection c = connect(postgresPort);
                PreparedStatement s = c.prepareStatement(select);
                ResultSet rs = s.executeQuery()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            while (rs.next()) {
                String value = rs.getString(1);
                if (value != null && value.strip().startsWith(MARK)) {
                    counts.merge(value.strip(), 1, Integer::sum);
                }
            }
            return counts;
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .build();
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

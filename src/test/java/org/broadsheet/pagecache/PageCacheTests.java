package org.broadsheet.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.decoder.Decoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.platform.ClusterEventsResumed;
import org.broadsheet.site.SiteIdentities;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Stories;
import org.broadsheet.testkit.Unique;
import org.broadsheet.web.SiteIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The page cache over real HTTP: pages are rendered once and answered from memory with
 * validators, 304 and gzip; nothing of one reader reaches another; a change drops exactly the
 * pages it affects (each named here), and settings or a missed notification drop everything.
 */
@BroadsheetTest
class PageCacheTests extends SiteTest {

    @Autowired
    PageCache cache;

    @Autowired
    SiteIdentities identities;

    @Autowired
    ApplicationEventPublisher events;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPageIsRenderedOnceAndAnsweredWithValidators304AndGzip() throws Exception {
        ArticleView article = stories.publish(stories.form("Kept and validated"));
        cache.settle();
        for (String path : List.of(article.url(), "/", "/" + Stories.SECTION, "/tag/" + Stories.TAG, "/feed")) {
            HttpResponse<byte[]> first = get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            long hits = cache.stats().hits();
            HttpResponse<byte[]> second = get(path);
            assertThat(cache.stats().hits())
                    .as(path + " answered from the cache")
                    .isEqualTo(hits + 1);
            assertThat(second.body()).as(path).isEqualTo(first.body());
            assertThat(second.headers().firstValue("Content-Length")).hasValue(String.valueOf(first.body().length));
            assertThat(second.headers().firstValue("Cache-Control").orElseThrow())
                    .isEqualTo("public, max-age=60, stale-while-revalidate=30, stale-if-error=86400");
            assertThat(second.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
            assertThat(second.headers().firstValue("Content-Security-Policy")).isPresent();
            String etag = second.headers().firstValue("ETag").orElseThrow();
            String lastModified = second.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(first.headers().firstValue("ETag")).hasValue(etag);

            HttpResponse<byte[]> notModified = get(path, "If-None-Match", etag);
            assertThat(notModified.statusCode()).as(path).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();
            assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
            assertThat(get(path, "If-None-Match", "\"other\", W/" + etag).statusCode())
                    .isEqualTo(304);
            assertThat(get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
            assertThat(get(path, "If-Modified-Since", lastModified).statusCode())
                    .isEqualTo(304);
            assertThat(get(path, "If-Modified-Since", "yesterday").statusCode()).isEqualTo(200);

            HttpResponse<byte[]> gzip = get(path, "Accept-Encoding", "gzip, deflate");
            assertThat(gzip.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(gunzip(gzip.body())).as("the same page").isEqualTo(first.body());
            String gzipEtag = gzip.headers().firstValue("ETag").orElseThrow();
            assertThat(gzipEtag).isNotEqualTo(etag);
            assertThat(get(path, "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding"))
                    .isEmpty();
            assertThat(send(request(path, "Accept-Encoding", "gzip").header("If-None-Match", gzipEtag))
                            .statusCode())
                    .isEqualTo(304);

            HttpResponse<byte[]> brotli = get(path, "Accept-Encoding", "gzip, deflate, br, zstd");
            assertThat(brotli.headers().firstValue("Content-Encoding")).as(path).hasValue("br");
            assertThat(Decoder.decompress(brotli.body()).getDecompressedData())
                    .as("the same page")
                    .isEqualTo(first.body());
            assertThat(brotli.body().length).isLessThan(gzip.body().length);
            String brotliEtag = brotli.headers().firstValue("ETag").orElseThrow();
            assertThat(brotliEtag).isNotIn(etag, gzipEtag);
            assertThat(send(request(path, "Accept-Encoding", "br").header("If-None-Match", brotliEtag))
                            .statusCode())
                    .isEqualTo(304);
            assertThat(send(request(path, "Accept-Encoding", "gzip").header("If-None-Match", brotliEtag))
                            .statusCode())
                    .as("the brotli variant's tag does not stand for the gzip one")
                    .isEqualTo(200);
            assertThat(get(path, "Accept-Encoding", "br;q=0.5, gzip").headers().firstValue("Content-Encoding"))
                    .hasValue("gzip");

            HttpResponse<byte[]> head = send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("ETag")).hasValue(etag);
        }
    }

    @Test
    void twoReadersGetTheSameCachedPageWithNothingOfEither() throws Exception {
        ArticleView article = commenting.article("Two readers, one page");
        String alice = "Alice " + Unique.name("Reader");
        String bob = "Bob " + Unique.name("Reader");
        cache.settle();
        HttpResponse<byte[]> forAlice = get(article.url(), "Cookie", remembered(alice, "alice@example.org"));
        long hits = cache.stats().hits();
        HttpResponse<byte[]> forBob = get(article.url(), "Cookie", remembered(bob, "bob@example.org"));
        assertThat(cache.stats().hits())
                .as("Bob got the page kept from Alice's request")
                .isEqualTo(hits + 1);
        assertThat(forBob.body()).isEqualTo(forAlice.body());
        String page = new String(forBob.body(), StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"comment-form\"").contains("name=\"token\"");
        for (String personal : List.of(alice, bob, "alice@example.org", "bob@example.org", "_csrf")) {
            assertThat(page).doesNotContain(personal);
        }
        assertThat(forBob.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void personalRequestsAreNeitherAnsweredFromTheCacheNorKept() throws Exception {
        ArticleView article = commenting.article("Personal requests");
        String path = article.url();
        cache.settle();
        get(path);
        PageCache.Stats before = cache.stats();
        get(path, "Cookie", "comment_held=1.forged");
        get(path, "Authorization", "Bearer not-a-token");
        send(request(path).header("Cookie", "SESSION=abc"));
        assertThat(cache.stats().hits()).isEqualTo(before.hits());
        assertThat(cache.stats().misses()).isEqualTo(before.misses());

        get("/newsroom/sign-in");
        send(request("/comments").POST(HttpRequest.BodyPublishers.ofString("article=1")));
        get("/assets/site.css");
        assertThat(cache.paths())
                .noneMatch(p -> p.startsWith("/newsroom") || p.startsWith("/assets") || p.startsWith("/comments"));
        assertThat(get("/no-such-page-" + Unique.name("x").toLowerCase().replace(' ', '-'))
                        .statusCode())
                .isEqualTo(404);
        assertThat(cache.paths()).noneMatch(p -> p.startsWith("/no-such-page"));
    }

    @Test
    void aStampedeOnANewPageRendersItOnce() throws Exception {
        ArticleView article = stories.publish(stories.form("Everyone at once"));
        cache.settle();
        int readers = 16;
        long stores = cache.stats().stores();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return get(article.url());
                }));
            }
            start.countDown();
            byte[] first = answers.get(0).get().body();
            for (Future<HttpResponse<byte[]>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
                assertThat(answer.get().body()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.stats().stores()).as("one render kept").isEqualTo(stores + 1);
    }

    @Test
    void settingsAndAMissedNotificationDropEverything() throws Exception {
        ArticleView article = stories.publish(stories.form("Dropped with everything"));
        cache.settle();
        get(article.url());
        get("/");
        assertThat(cache.paths()).contains(article.url(), "/");
        SiteIdentity before = identities.current();
        try {
            identities.update(new SiteIdentity("Renamed Herald", before.tagline()));
            assertThat(cache.paths()).isEmpty();
            cache.settle();
            assertThat(new String(get("/").body(), StandardCharsets.UTF_8)).contains("Renamed Herald");
        } finally {
            identities.update(before);
        }
        cache.settle();
        get(article.url());
        assertThat(cache.paths()).contains(article.url());
        events.publishEvent(new ClusterEventsResumed());
        assertThat(cache.paths()).isEmpty();
    }

    // ---- helpers

    /** The remembered-commenter cookie as the comment form sets it. */
    static String remembered(String name, String email) {
        return "comment_author="
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString((name + "\n" + email + "\n").getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers));
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}

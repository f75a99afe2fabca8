package org.broadsheet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The test site's real server ({@code @BroadsheetTest} starts one on a random port), for tests
 * that go through HTTP or a browser rather than MockMvc: the address of a path, and a reader's
 * GET that follows no redirect. What such tests write is committed, so they work on data made
 * for them alone ({@link Stories}, {@link Unique}) and leave it.
 * <pre>
 * WebDriver page = browser.load(live.uri(article.url()));
 * HttpResponse&lt;byte[]&gt; front = live.get("/");
 * </pre>
 */
@Component
public class LiveSite {

    private final Environment environment;
    private HttpClient http; // made on first use: every context of the test JVM has this bean

    LiveSite(Environment environment) {
        this.environment = environment;
    }

    /** {@code path} (with any query) on the running server: {@code http://localhost:{port}{path}}. */
    public URI uri(String path) {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("No server is running: the test needs @BroadsheetTest");
        }
        return URI.create("http://localhost:" + port + path);
    }

    /** What a reader's browser gets for {@code path} asking for HTML, without following redirects. */
    public HttpResponse<byte[]> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Accept", "text/html")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            return http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri(path), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: GET " + uri(path), e);
        }
    }

    /** A page a reader gets with 200, parsed, its links resolved against its address. */
    public Document page(String path) {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return Jsoup.parse(
                new String(response.body(), StandardCharsets.UTF_8), uri(path).toString());
    }

    /**
     * A browser without a page engine for a test of its own: keeps its cookies, follows no
     * redirect.
     */
    public static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        }
        return http;
    }
}

package org.broadsheet.comment;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A reader's browser over real HTTP, without a page engine: keeps cookies, does not follow
 * redirects, and sends the comment form of the last page it fetched as a browser would.
 */
final class HttpBrowser {

    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** The last page fetched; a test may hand one browser's page to another. */
    Document lastPage;

    /**
     * Where the page that posts comes from, as a browser says it: the site itself unless a test
     * posts from another site's page.
     */
    String origin;

    String fetchSite = "same-origin";

    HttpBrowser(int port) {
        this.port = port;
        this.origin = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        lastPage = Jsoup.parse(response.body());
        return response;
    }

    /** Sends the form of the last page fetched, with these fields filled in. */
    HttpResponse<String> submit(Map<String, String> fields) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        lastPage.select("#comment-form input[type=hidden]")
                .forEach(input ->
                        append(body, input.attr("name"), fields.getOrDefault(input.attr("name"), input.attr("value"))));
        fields.forEach((name, value) -> {
            if (lastPage.select("#comment-form input[type=hidden][name=" + name + "]")
                    .isEmpty()) {
                append(body, name, value);
            }
        });
        return post(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Posts this body to {@code /comments} as a form. */
    HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri("/comments"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", origin)
                        .header("Sec-Fetch-Site", fetchSite)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static void append(StringBuilder body, String name, String value) {
        body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}

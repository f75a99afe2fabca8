package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.ProxiedSiteTest;
import org.broadsheet.media.MediaItem;
import org.broadsheet.testkit.FailingRoutes;
import org.broadsheet.testkit.Images;
import org.broadsheet.testkit.RawHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every kind of answer carries the security headers: pages and their page-cache hits and 304s,
 * assets, media, feeds, error pages of every status (those Tomcat makes before any servlet too),
 * the API's problems and its CORS preflight. Sent over a real connection, byte for byte.
 */
@ProxiedSiteTest
class SecurityHeadersTests {

    @LocalServerPort
    int port;

    @Autowired
    Images images;

    private RawHttp http;

    @AfterEach
    void close() {
        if (http != null) {
            http.close();
        }
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        http = new RawHttp(port);
        Map<String, RawHttp.Answer> answers = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> request : requests().entrySet()) {
            answers.put(request.getKey(), http.send(request.getValue()));
        }
        List<String> missing = new ArrayList<>();
        answers.forEach((what, answer) -> {
            List<String> wrong = SecurityHeaderChecks.problems(answer);
            if (!wrong.isEmpty()) {
                missing.add(what + " (" + answer.status() + " "
                        + answer.headers().keySet() + "): " + String.join("; ", wrong));
            }
        });
        assertThat(missing).as("answers without their security headers").isEmpty();
        assertThat(answers.values())
                .extracting(RawHttp.Answer::status)
                .as("the statuses asked for")
                .contains(200, 304, 400, 401, 404, 405, 413, 500);
    }

    /** What a reader, a feed reader and an API client meet, each named. */
    private Map<String, byte[]> requests() {
        Document front = Jsoup.parse(http.send(get("/")).text());
        String stylesheet = front.select("link[rel=stylesheet]").attr("href");
        String feed =
                front.select("link[rel=alternate][type=application/rss+xml]").attr("href");
        String etag = http.send(get("/")).header("etag").orElseThrow();
        MediaItem picture = images.png(60, 40, "");
        Map<String, byte[]> requests = new LinkedHashMap<>();
        requests.put("a page from the page cache", get("/"));
        requests.put("a page's 304", get("/", "If-None-Match: " + etag));
        requests.put("a page's HEAD", RawHttp.request("HEAD", "/", List.of(), new byte[0]));
        requests.put("a stylesheet", get(stylesheet));
        requests.put("a picture", get(picture.originalUrl()));
        requests.put("a missing picture", get("/media/" + "a".repeat(26) + "/original.png"));
        requests.put("a feed", get(feed));
        requests.put("robots.txt", get("/robots.txt"));
        requests.put("the sitemap", get("/sitemap.xml"));
        requests.put("the search page", get("/search?q=election"));
        requests.put("the sign-in page", get("/newsroom/sign-in"));
        requests.put("the newsroom's redirect to sign in", get("/newsroom"));
        requests.put("a 404 page", get("/no-such-section/no-such-story"));
        requests.put("a 405 page", RawHttp.request("DELETE", "/", List.of(), new byte[0]));
        requests.put("a 413 page", tooLargeUpload("/newsroom/media"));
        requests.put("a 500 page", get(FailingRoutes.PAGE));
        requests.put("Tomcat's 400 for a path not in UTF-8", get("/world/%FF"));
        requests.put("Tomcat's 400 for a header too large", get("/", "X-Big: " + "b".repeat(20_000)));
        requests.put("an API read", get("/api/v1/articles"));
        requests.put("an API 404", get("/api/v1/articles/999999999"));
        requests.put("an API 405", RawHttp.request("DELETE", "/api/v1/articles", List.of(), new byte[0]));
        requests.put("an API 401", get("/api/v1/me"));
        requests.put("an API 413", tooLargeUpload("/api/v1/media"));
        requests.put("an API 500", get(FailingRoutes.API));
        requests.put("Tomcat's API 400", get("/api/v1/articles/by-slug/%C3%28%FF"));
        requests.put(
                "a CORS preflight",
                RawHttp.request(
                        "OPTIONS",
                        "/api/v1/articles",
                        List.of("Origin: https://app.example", "Access-Control-Request-Method: GET"),
                        new byte[0]));
        requests.put("the actuator asked for on the site's port (404)", get("/actuator/health"));
        return requests;
    }

    /** A multipart body larger than any upload may be (the site's limit is 20 MB). */
    private static byte[] tooLargeUpload(String path) {
        byte[] head = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[21 * 1024 * 1024];
        System.arraycopy(head, 0, body, 0, head.length);
        return RawHttp.request(
                "POST",
                path,
                List.of("Content-Type: multipart/form-data; boundary=b", "Authorization: Bearer bst_not-a-token"),
                body);
    }

    static byte[] get(String path, String... headers) {
        return RawHttp.request("GET", path, List.of(headers), new byte[0]);
    }
}

package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.decoder.Decoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.testkit.LiveSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * Static files as a browser or a CDN gets them over HTTP: pages name fingerprinted addresses
 * kept for a year, text goes brotli-compressed or gzipped (made once) to clients that take it, conditional requests
 * get 304, old addresses keep working without being kept, and nothing outside {@code static/}
 * is ever served.
 */
@BroadsheetTest
class StaticAssetsTests {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Autowired
    LiveSite live;

    @Autowired
    Assets assets;

    @LocalServerPort
    int port;

    private final HttpClient http = LiveSite.browser();

    @Test
    void readerPagesNameFingerprintedAssetsKeptForAYear() throws Exception {
        Document front = live.page("/");
        String css = front.selectFirst("link[rel=stylesheet]").attr("href");
        String icon = front.selectFirst("link[rel=icon]").attr("href");
        assertThat(css).matches("/assets/site\\.[0-9a-f]{10}\\.css");
        assertThat(icon).matches("/assets/favicon\\.[0-9a-f]{10}\\.svg");

        HttpResponse<byte[]> stylesheet = get(css, null, null);
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(header(stylesheet, "Cache-Control")).isEqualTo(IMMUTABLE);
        assertThat(header(stylesheet, "Content-Type")).startsWith("text/css");
        assertThat(header(stylesheet, "ETag")).matches("\"[0-9a-f]+\"");
        assertThat(header(stylesheet, "Content-Encoding")).isNull();
        assertThat(stylesheet.body()).isEqualTo(file("site.css"));

        HttpResponse<byte[]> favicon = get(icon, "gzip", null);
        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(header(favicon, "Cache-Control")).isEqualTo(IMMUTABLE);
        assertThat(header(favicon, "Content-Type")).startsWith("image/svg+xml");
    }

    @Test
    void newsroomPagesAndTheCommentScriptUseFingerprintedAssetsToo() throws Exception {
        Document signIn = live.page(NewsroomUrls.HOME + "/sign-in");
        assertThat(signIn.select("link[rel=stylesheet]").eachAttr("href"))
                .containsExactly(assets.url("site.css"), assets.url("newsroom.css"));
        for (String href : signIn.select("link[rel=stylesheet]").eachAttr("href")) {
            assertThat(get(href, null, null).statusCode()).as(href).isEqualTo(200);
        }
        HttpResponse<byte[]> script = get(assets.url("comments.js"), null, null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(header(script, "Content-Type")).startsWith("text/javascript");
        assertThat(script.body()).isEqualTo(file("comments.js"));
    }

    @Test
    void assetAnswersCarryThePagesSecurityHeaders() throws Exception {
        HttpResponse<byte[]> page = get("/", null, null);
        HttpResponse<byte[]> css = get(assets.url("site.css"), "gzip", null);
        for (String name :
                new String[] {"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"
                }) {
            assertThat(header(css, name)).as(name).isNotNull().isEqualTo(header(page, name));
        }
    }

    @Test
    void gzipVariantIsTheSameFileWithItsOwnEtag() throws Exception {
        String url = assets.url("site.css");
        HttpResponse<byte[]> plain = get(url, null, null);
        HttpResponse<byte[]> gzipped = get(url, "br;q=0.5, gzip;q=0.8, deflate", null);
        assertThat(header(gzipped, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(gzipped, "Vary")).containsIgnoringCase("Accept-Encoding");
        assertThat(header(plain, "Vary")).containsIgnoringCase("Accept-Encoding");
        assertThat(header(gzipped, "Cache-Control")).isEqualTo(IMMUTABLE);
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
        assertThat(gzipped.body().length).isLessThan(plain.body().length);
        assertThat(header(gzipped, "ETag")).isNotEqualTo(header(plain, "ETag"));

        HttpResponse<byte[]> refused = get(url, "gzip;q=0, identity", null);
        assertThat(header(refused, "Content-Encoding")).isNull();
        assertThat(refused.body()).isEqualTo(plain.body());
    }

    @Test
    void brotliGoesToClientsThatPreferItWithItsOwnEtag() throws Exception {
        String url = assets.url("site.css");
        HttpResponse<byte[]> plain = get(url, null, null);
        HttpResponse<byte[]> gzipped = get(url, "gzip", null);
        HttpResponse<byte[]> brotli = get(url, "gzip, deflate, br, zstd", null);
        assertThat(header(brotli, "Content-Encoding")).isEqualTo("br");
        assertThat(header(brotli, "Vary")).containsIgnoringCase("Accept-Encoding");
        assertThat(header(brotli, "Cache-Control")).isEqualTo(IMMUTABLE);
        assertThat(Decoder.decompress(brotli.body()).getDecompressedData()).isEqualTo(plain.body());
        assertThat(brotli.body().length).isLessThan(gzipped.body().length);
        String tag = header(brotli, "ETag");
        assertThat(tag).isNotIn(header(plain, "ETag"), header(gzipped, "ETag"));

        assertThat(get(url, "br", tag).statusCode()).isEqualTo(304);
        assertThat(get(url, "gzip", tag).statusCode())
                .as("the brotli variant's tag does not stand for the gzip one")
                .isEqualTo(200);
        assertThat(header(get(url, "br;q=0, gzip", null), "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(get(url, "br;q=0", null), "Content-Encoding")).isNull();
        assertThat(header(get(url, "*", null), "Content-Encoding"))
                .as("only a named br counts")
                .isEqualTo("gzip");
    }

    @Test
    void matchingIfNoneMatchGets304() throws Exception {
        String url = assets.url("site.css");
        String plainTag = header(get(url, null, null), "ETag");
        String gzipTag = header(get(url, "gzip", null), "ETag");

        HttpResponse<byte[]> notModified = get(url, null, plainTag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(header(notModified, "ETag")).isEqualTo(plainTag);
        assertThat(header(notModified, "Cache-Control")).isEqualTo(IMMUTABLE);
        assertThat(get(url, "gzip", "\"other\", " + gzipTag).statusCode()).isEqualTo(304);
        assertThat(get(url, "gzip", plainTag).statusCode())
                .as("the plain variant's tag does not stand for the gzip one")
                .isEqualTo(200);
    }

    @Test
    void thePlainAddressStillWorksButIsRevalidated() throws Exception {
        HttpResponse<byte[]> plain = get("/assets/site.css", null, null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(header(plain, "Cache-Control")).isEqualTo("no-cache");
        assertThat(plain.body()).isEqualTo(file("site.css"));
        String tag = header(plain, "ETag");
        assertThat(tag).isEqualTo(header(get(assets.url("site.css"), null, null), "ETag"));
        assertThat(get("/assets/site.css", null, tag).statusCode()).isEqualTo(304);
        assertThat(get("/assets/images/demo/port-cranes.svg", null, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anOldFingerprintGetsTheCurrentFileWithoutBeingKept() throws Exception {
        String old = "/assets/site.0000000000.css";
        assertThat(assets.url("site.css")).isNotEqualTo(old);
        HttpResponse<byte[]> answer = get(old, null, null);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(header(answer, "Cache-Control")).isEqualTo("no-cache");
        assertThat(answer.body()).isEqualTo(file("site.css"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/assets/nothing.css",
                "/assets/nothing.0000000000.css",
                "/assets/site.0000000000.js",
                "/assets/images",
                "/assets/"
            })
    void unknownAssetsAnswer404(String path) throws Exception {
        assertThat(get(path, null, null).statusCode()).as(path).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/assets/..%2f..%2fapplication.properties",
                "/assets/%2e%2e/%2e%2e/application.properties",
                "/assets/%2e%2e%2f%2e%2e%2fapplication.properties",
                "/assets/../application.properties",
                "/assets/..%5c..%5capplication.properties",
                "/assets/images/..%2f..%2fapplication.properties",
                "/assets/%252e%252e/application.properties",
                "/assets//etc/passwd",
                "/assets/file:/etc/passwd"
            })
    void nothingOutsideStaticIsServed(String path) throws IOException {
        String raw = rawGet(path);
        int status = Integer.parseInt(raw.substring(9, 12));
        assertThat(status).as(path).isIn(400, 404);
        assertThat(raw).doesNotContain("server.port", "spring.", "root:");
    }

    // ---- helpers

    private HttpResponse<byte[]> get(String path, String acceptEncoding, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(live.uri(path)).GET();
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static byte[] file(String name) throws IOException {
        return new ClassPathResource("static/" + name).getContentAsByteArray();
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    /** The path sent byte for byte (HTTP clients normalise or re-encode it). */
    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(read);
            return read.toString(StandardCharsets.ISO_8859_1);
        }
    }
}

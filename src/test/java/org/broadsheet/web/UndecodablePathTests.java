package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.broadsheet.BroadsheetTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses before any servlet sees them (a path whose bytes are not UTF-8, a
 * malformed request line, a header too long) still get the site's own answer: the HTML error
 * page (also when the request line cannot be read at all), a problem under {@code /api/}, with
 * the security headers, and never
 * Tomcat's report, its version or a stack trace. Sent through a plain socket, byte for byte:
 * HTTP clients re-encode what they are given.
 */
@BroadsheetTest
class UndecodablePathTests {

    /** What Tomcat's own report would say, or a stack trace. */
    private static final String[] LEAKS = {"Apache Tomcat", "Tomcat/", "Exception", "\tat ", "Invalid URI"};

    @LocalServerPort
    int port;

    @Test
    void aReaderPathThatIsNotUtf8GetsTheSiteErrorPage() throws IOException {
        Answer answer = send("GET /world/%FF HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("text/html").contains("UTF-8");
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select(".error-page .kicker").text()).isEqualTo("Error 400");
        assertThat(page.select("h1").text()).isEqualTo("Bad request");
        Document front = Jsoup.parse(send("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .body());
        assertThat(page.select("header.masthead a.site-name").text())
                .isNotEmpty()
                .isEqualTo(front.select("header.masthead a.site-name").text());
        assertThat(page.select("nav.site-nav a").eachText())
                .as("the site's sections")
                .isNotEmpty()
                .isEqualTo(front.select("nav.site-nav a").eachText());
        assertThat(page.select("link[rel=stylesheet]").attr("href"))
                .isNotEmpty()
                .isEqualTo(front.select("link[rel=stylesheet]").attr("href"));
        assertSecurityHeaders(answer);
        assertNoLeaks(answer);
    }

    @Test
    void anApiPathThatIsNotUtf8GetsAProblem() throws IOException {
        Answer answer = send("GET /api/v1/articles/by-slug/%C3%28%FF HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: application/json\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(problem.get("detail").asString()).contains("UTF-8");
        assertSecurityHeaders(answer);
        assertNoLeaks(answer);
    }

    @Test
    void rawBytesThatAreNotUtf8InThePathAreRefusedTheSameWay() throws IOException {
        byte[] line = "GET /world/\u00ff\u00fe HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Answer answer = send(line);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(Jsoup.parse(answer.body()).select("h1").text()).isEqualTo("Bad request");
        assertSecurityHeaders(answer);
        assertNoLeaks(answer);
    }

    @Test
    void aMalformedRequestLineIsRefusedWithoutTomcatsReport() throws IOException {
        Answer answer = send("GET /a b c d\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(Jsoup.parse(answer.body()).select("h1").text()).isEqualTo("Bad request");
        assertSecurityHeaders(answer);
        assertNoLeaks(answer);
    }

    @Test
    void anOverlongHeaderIsRefusedWithoutTomcatsReport() throws IOException {
        Answer answer = send("GET /world HTTP/1.1\r\nHost: localhost\r\nX-Long: " + "a".repeat(64 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(Jsoup.parse(answer.body()).select("h1").text()).isEqualTo("Bad request");
        assertSecurityHeaders(answer);
        assertNoLeaks(answer);
    }

    @Test
    void aPathThatIsUtf8StillWorks() throws IOException {
        assertThat(send("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .status())
                .isEqualTo(200);
        assertThat(send("GET /caf%C3%A9-nowhere HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .status())
                .isEqualTo(404);
    }

    // ---- helpers

    /** The security headers a reader page carries, here too. */
    private void assertSecurityHeaders(Answer answer) throws IOException {
        Answer page = send("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        for (String name : new String[] {
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "X-Frame-Options",
            "Referrer-Policy",
            "Permissions-Policy"
        }) {
            assertThat(answer.header(name)).as(name).isNotNull().isEqualTo(page.header(name));
        }
    }

    private static void assertNoLeaks(Answer answer) {
        for (String leak : LEAKS) {
            assertThat(answer.raw()).as("the answer mentions " + leak).doesNotContainIgnoringCase(leak);
        }
    }

    record Answer(int status, Map<String, String> headers, String body, String raw) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private Answer send(String request) throws IOException {
        return send(request.getBytes(StandardCharsets.US_ASCII));
    }

    private Answer send(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                in.transferTo(read);
            } catch (java.net.SocketException e) {
                // the server may reset the connection after answering a request it refused
            }
            // one char per byte, so that chunk sizes (in bytes) can be counted in chars
            String raw = read.toString(StandardCharsets.ISO_8859_1);
            int end = raw.indexOf("\r\n\r\n");
            assertThat(end).as("an HTTP answer: " + raw).isPositive();
            String[] head = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(
                        head[i].substring(0, colon).toLowerCase(Locale.ROOT),
                        head[i].substring(colon + 1).strip());
            }
            String body = raw.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            body = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, body, raw);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}

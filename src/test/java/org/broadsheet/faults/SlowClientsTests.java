package org.broadsheet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.BroadsheetApplication;
import org.broadsheet.article.ArticleView;
import org.broadsheet.comment.FormTokens;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.RawHttp;
import org.broadsheet.testkit.Unique;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Clients that send or read slowly, on raw sockets, against the site's 8 platform request
 * threads. Slow headers and unread answers hold no thread: while more such clients than there are
 * threads hang on, a reader's request is still answered at once. A request body is read with a
 * thread held, so a body must keep up {@code broadsheet.request-body.least-rate} once its grace is
 * over, and one that stalls is cut off after the grace: each such client holds a thread for about
 * the grace and one read, then gets a 408 and a closed connection, and stores nothing. And at most
 * half the threads (4, {@code broadsheet.request-body.waiting-readers} as the site chooses it) wait
 * for bodies at once: bodies beyond that are refused at once with a 503, so readers never queue
 * behind them, while a body that came whole is still taken. Here the grace is 2 s (5 s in
 * application.properties) and the connection timeout 5 s (10 s), so that a body cut off by the
 * connection timeout instead would fail the tests.
 */
class SlowClientsTests {

    private static final int SLOW_CLIENTS = 24; // three times the request threads
    private static final int THREADS = 8;
    /** How many threads may wait for bodies at once: half of them, as the site sets it by itself. */
    private static final int WAITING = THREADS / 2;

    private static final int TIMEOUT_MS = 5_000;
    private static final Duration GRACE = Duration.ofSeconds(2);

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext site;
    private static int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        site = SpringApplication.run(
                BroadsheetApplication.class,
                "--server.port=0",
                "--broadsheet.data-dir=" + dataDir,
                "--broadsheet.demo=true",
                "--server.tomcat.connection-timeout=" + TIMEOUT_MS + "ms",
                "--broadsheet.request-body.grace=" + GRACE.toMillis() + "ms",
                "--spring.threads.virtual.enabled=false", // what Java 17 to 23 run: 8 platform threads
                // nothing held, no form-time or flood limits: all the tests' comments come from 127.0.0.1
                "--broadsheet.comments.moderation=none",
                "--broadsheet.comments.min-form-time=0",
                "--broadsheet.comments.flood-interval=0",
                "--broadsheet.comments.flood-per-hour=0");
        port = Integer.parseInt(site.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void clientsSendingTheirHeadersOneByteASecondTieUpNoThread() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket s = new Socket("localhost", port);
                s.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            for (int second = 0; second < 4; second++) {
                for (Socket s : slow) {
                    s.getOutputStream().write('X'); // a header that never ends, one byte a second
                }
                assertReaderServedQuickly();
                Thread.sleep(1_000);
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    /**
     * Sixteen clients, two per request thread, trickle a byte a second: comments through the form,
     * through the API's JSON, and as a multipart form (read as an upload is). Four of them wait for
     * their bodies with a thread each, for the grace and one read, then get a 408; the other twelve
     * are refused at once with a 503. Meanwhile a reader is served at once, and a comment whose
     * body came whole is stored. Every trickling client's connection is closed, and none stores
     * anything.
     */
    @Test
    void bodiesTrickledOneByteASecondAreCutOffOrRefusedAndStoreNothing() throws Exception {
        ArticleView article = site.getBean(Comments.class).article("A story slow commenters aim at");
        MeterRegistry meters = site.getBean(MeterRegistry.class);
        Counter cut = meters.get("broadsheet.http.slow.bodies").counter();
        Counter refused = meters.get("broadsheet.http.refused.bodies").counter();
        double cutBefore = cut.count();
        double refusedBefore = refused.count();
        List<Socket> trickling = new ArrayList<>();
        ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 2 * THREADS; i++) {
                byte[] request = switch (i % 3) {
                    case 0 -> form(article, "A comment that takes minutes to arrive " + i);
                    case 1 -> json(article, "A comment through the API, at a byte a second " + i);
                    default -> multipart(article, "A comment in parts, at a byte a second " + i);
                };
                trickling.add(trickle(request, trickler));
            }
            Thread.sleep(200);
            assertReaderServedQuickly();
            assertWholeCommentTaken();
            int timedOut = 0;
            for (int i = 0; i < trickling.size(); i++) {
                String answer = answerThenEnd(trickling.get(i));
                if (answer.startsWith("HTTP/1.1 408 ")) {
                    timedOut++;
                } else {
                    assertThat(answer).as("what a trickling client gets").startsWith("HTTP/1.1 503 ");
                    assertThat(answer).contains("Retry-After: 5");
                }
                assertThat(answer).contains("Connection: close", "Content-Security-Policy: default-src 'self'");
                assertThat(answer) // the API's clients get a problem, readers the site's page
                        .contains(
                                i % 3 == 1
                                        ? "Content-Type: application/problem+json"
                                        : answer.startsWith("HTTP/1.1 408 ")
                                                ? "<title>Too slow"
                                                : "<title>Temporarily unavailable");
            }
            assertThat(timedOut).as("bodies waited for, then cut off").isEqualTo(WAITING);
            assertReaderServedQuickly();
        } finally {
            trickler.shutdownNow();
            for (Socket s : trickling) {
                s.close();
            }
        }
        assertThat(commentsOn(article)).as("comments stored").isZero();
        assertThat(cut.count() - cutBefore).as("bodies counted as cut off").isEqualTo(WAITING);
        assertThat(refused.count() - refusedBefore)
                .as("bodies counted as refused")
                .isEqualTo(2 * THREADS - WAITING);
    }

    /** A comment sent whole, in one write, while other bodies hold every permit to wait: stored. */
    private void assertWholeCommentTaken() throws IOException {
        ArticleView article = site.getBean(Comments.class).article("A story a fast commenter replies to");
        try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream()
                    .write(request(
                            "/comments",
                            "application/x-www-form-urlencoded",
                            fields(article, "Sent whole, in one go, during the trickle."),
                            "close"));
            assertThat(answerThenEnd(s)).as("a whole body's answer").startsWith("HTTP/1.1 303 ");
        }
        assertThat(commentsOn(article)).isEqualTo(1);
    }

    /** A body that comes at a fair speed in pieces, with pauses shorter than the grace, is read whole. */
    @Test
    void aBodyInPiecesWithShortPausesIsAccepted() throws Exception {
        ArticleView article = site.getBean(Comments.class).article("A story commented on over a slow link");
        String text = "Sent in pieces over a slow link. " + "Still a fair speed on average. ".repeat(125);
        byte[] request = request("/comments", "application/x-www-form-urlencoded", fields(article, text), "close");
        int bodyStart = request.length - fields(article, text).length();
        try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            int pieces = 8; // 4 KB over 2.8 s: 1.4 KB a second, above the least rate of 1 KB, and past the grace
            int piece = (request.length - bodyStart) / pieces + 1;
            out.write(request, 0, bodyStart + piece);
            for (int from = bodyStart + piece; from < request.length; from += piece) {
                Thread.sleep(400);
                out.write(request, from, Math.min(piece, request.length - from));
            }
            assertThat(answerThenEnd(s)).startsWith("HTTP/1.1 303 ");
        }
        assertThat(commentsOn(article)).isEqualTo(1);
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + article.url()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Sent in pieces over a slow link.");
    }

    /**
     * Clients that stop in the middle of their body hold a thread only for the grace: Tomcat's
     * upload timeout, not the longer connection timeout, cuts them off. Of sixteen (two per
     * thread), four wait so and get a 408; the rest are refused at once, and a reader is served
     * at once throughout. Behind nginx, which buffers request bodies, none reaches the site.
     */
    @Test
    void clientsThatStallInTheirBodyHoldAThreadOnlyForTheGrace() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * THREADS; i++) {
                Socket s = new Socket("localhost", port);
                s.setSoTimeout(TIMEOUT_MS * 3);
                s.getOutputStream()
                        .write(("POST /comments HTTP/1.1\r\nHost: localhost\r\n"
                                        + "Content-Type: application/x-www-form-urlencoded\r\n"
                                        + "Content-Length: 100000\r\n\r\narticle=1&comment=")
                                .getBytes(StandardCharsets.US_ASCII));
                stalled.add(s);
            }
            Thread.sleep(200);
            assertReaderServedQuickly();
            int timedOut = 0;
            for (Socket s : stalled) {
                String answer = answerThenEnd(s);
                assertThat(answer).as("what a stalled client gets").containsPattern("^HTTP/1.1 (408|503) ");
                timedOut += answer.startsWith("HTTP/1.1 408 ") ? 1 : 0;
            }
            assertThat(timedOut).as("bodies waited for, then cut off").isEqualTo(WAITING);
            assertReaderServedQuickly();
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void clientsThatNeverReadTheirAnswerTieUpNoThread() throws Exception {
        List<Socket> unread = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket s = new Socket("localhost", port);
                s.setReceiveBufferSize(1024);
                OutputStream out = s.getOutputStream();
                for (int r = 0; r < 4; r++) { // pipelined: four front pages asked for, none read
                    out.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                unread.add(s);
            }
            for (int i = 0; i < 5; i++) {
                assertReaderServedQuickly();
                Thread.sleep(300);
            }
        } finally {
            for (Socket s : unread) {
                s.close();
            }
        }
    }

    private void assertReaderServedQuickly() throws Exception {
        assertReaderServedWithin(Duration.ofSeconds(1));
    }

    private void assertReaderServedWithin(Duration limit) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> front = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(front.statusCode()).isEqualTo(200);
        assertThat(ms).as("ms for a reader's front page").isLessThan(limit.toMillis());
    }

    /** The comment form's fields as a browser sends them (its token shown ten seconds ago). */
    private static String fields(ArticleView article, String text) {
        String token =
                site.getBean(FormTokens.class).issue(article.id(), Instant.now().minusSeconds(10));
        return "article=" + article.id() + "&token=" + enc(token) + "&subject=&name=Slow+Reader&email="
                + enc(Unique.email("slow")) + "&comment=" + enc(text);
    }

    private static byte[] form(ArticleView article, String text) {
        return request("/comments", "application/x-www-form-urlencoded", fields(article, text));
    }

    private static byte[] json(ArticleView article, String text) {
        return request(
                "/api/v1/articles/" + article.id() + "/comments",
                "application/json",
                "{\"name\":\"Slow Reader\",\"email\":\"" + Unique.email("slow") + "\",\"text\":\"" + text + "\"}");
    }

    private static byte[] multipart(ArticleView article, String text) {
        StringBuilder body = new StringBuilder();
        for (String field : fields(article, text).split("&")) {
            int equals = field.indexOf('=');
            body.append("--slow\r\nContent-Disposition: form-data; name=\"")
                    .append(field, 0, equals)
                    .append("\"\r\n\r\n")
                    .append(URLDecoder.decode(field.substring(equals + 1), StandardCharsets.UTF_8))
                    .append("\r\n");
        }
        body.append("--slow--\r\n");
        return request("/comments", "multipart/form-data; boundary=slow", body.toString());
    }

    private static byte[] request(String path, String contentType, String body) {
        return request(path, contentType, body, "keep-alive");
    }

    private static byte[] request(String path, String contentType, String body, String connection) {
        return RawHttp.request(
                "POST",
                path,
                List.of(
                        "Content-Type: " + contentType,
                        "Connection: " + connection,
                        "Sec-Fetch-Site: same-origin",
                        "User-Agent: " + Comments.USER_AGENT),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A connection that sends {@code request}'s headers and first body byte now, then a byte a
     * second from {@code trickler} for as long as the server takes them.
     */
    private static Socket trickle(byte[] request, ScheduledExecutorService trickler) throws IOException {
        Socket s = new Socket("localhost", port);
        s.setSoTimeout(TIMEOUT_MS * 3);
        int bodyStart = indexOfBody(request);
        OutputStream out = s.getOutputStream();
        out.write(request, 0, bodyStart + 1);
        AtomicInteger next = new AtomicInteger(bodyStart + 1);
        trickler.scheduleAtFixedRate(
                () -> {
                    int at = next.getAndIncrement();
                    if (at < request.length && !s.isClosed()) {
                        try {
                            out.write(request[at]);
                        } catch (IOException closed) {
                            next.set(request.length); // the server cut it off
                        }
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
        return s;
    }

    private static int indexOfBody(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        return text.indexOf("\r\n\r\n") + 4;
    }

    private static long commentsOn(ArticleView article) {
        Long count = site.getBean(JdbcTemplate.class)
                .queryForObject("select count(*) from comment where article_id = ?", Long.class, article.id());
        return count == null ? 0 : count;
    }

    /**
     * What the server answers, up to its closing the connection (a reset counts as closed); fails
     * if the connection is still open when the socket's timeout passes.
     */
    private static String answerThenEnd(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("The connection is still open; so far: " + answer, e);
        } catch (SocketException reset) {
            answer.writeBytes(("[reset: " + reset.getMessage() + "]").getBytes(StandardCharsets.ISO_8859_1));
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }
}

package org.broadsheet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.BroadsheetApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Clients that send or read slowly, on raw sockets, against the site's 8 request threads: while
 * more of them than there are threads hang on, a reader's request is still answered at once.
 * The connection timeout is 2 s here (10 s in application.properties); nothing else differs.
 */
class SlowClientsTests {

    private static final int SLOW_CLIENTS = 24; // three times the request threads
    private static final int TIMEOUT_MS = 2_000;

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
                "--server.tomcat.connection-timeout=" + TIMEOUT_MS + "ms");
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
     * A body is read with the request thread held (Tomcat has no least data rate), so clients
     * that stall in their body do hold threads: each until the connection timeout cuts it off.
     * Sixteen of them (two per thread) delay a reader by two timeouts at most, and then the site
     * is free again. Behind nginx, which buffers request bodies, none reaches the site.
     */
    @Test
    void clientsThatStallInTheirBodyHoldAThreadOnlyUntilTheConnectionTimeout() throws Exception {
        int stalling = 16;
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < stalling; i++) {
                Socket s = new Socket("localhost", port);
                s.setSoTimeout(TIMEOUT_MS * 5);
                s.getOutputStream()
                        .write(("POST /comments HTTP/1.1\r\nHost: localhost\r\n"
                                        + "Content-Type: application/x-www-form-urlencoded\r\n"
                                        + "Content-Length: 100000\r\n\r\narticle=1&comment=")
                                .getBytes(StandardCharsets.US_ASCII));
                stalled.add(s);
            }
            Thread.sleep(200);
            assertReaderServedWithin(Duration.ofMillis((stalling / 8 + 1) * TIMEOUT_MS + 1_000L));
            for (Socket s : stalled) {
                assertThat(endsWithin(s)).as("the stalled connection is closed").isTrue();
            }
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

    /** Whether the server closes the connection (after any answer it gives) before the socket's timeout. */
    private static boolean endsWithin(Socket s) throws Exception {
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            while (in.read(buffer) >= 0) {
                // an error answer, if any, then the end
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }
}

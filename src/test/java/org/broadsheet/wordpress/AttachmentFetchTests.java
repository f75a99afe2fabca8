package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an import may fetch for an attachment: never what only this server can reach (unless
 * allowed), not past a redirect to it, and never more than the limit, against a real HTTP server.
 */
class AttachmentFetchTests {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/small.jpg", exchange -> {
            requests.incrementAndGet();
            byte[] body = new byte[2_000];
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/unsized.jpg", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, 0); // chunked: no length said
            try (var out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(new byte[1_000]);
                }
            }
        });
        server.createContext("/moved.jpg", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "/small.jpg");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void addressesOnlyThisServerCanReachAreNotFetchedUnlessAllowed() throws Exception {
        assertThat(new AttachmentFetch(false, 10_000).fetch(url("/small.jpg"))).isNull();
        assertThat(new AttachmentFetch(false, 10_000).fetch(url("/moved.jpg"))).isNull();
        assertThat(requests).as("nothing asked of the server").hasValue(0);

        Path file = new AttachmentFetch(true, 10_000).fetch(url("/moved.jpg"));
        assertThat(file).as("followed the redirect when allowed").isNotNull();
        assertThat(Files.size(file)).isEqualTo(2_000);
        Files.delete(file);
    }

    @Test
    void noMoreThanTheLimitIsReadWhateverTheServerSays() throws Exception {
        assertThat(new AttachmentFetch(true, 1_000).fetch(url("/small.jpg"))).isNull();
        assertThat(new AttachmentFetch(true, 50_000).fetch(url("/unsized.jpg"))).isNull();
        Path file = new AttachmentFetch(true, 200_000).fetch(url("/unsized.jpg"));
        assertThat(file).isNotNull();
        assertThat(Files.size(file)).isEqualTo(100_000);
        Files.delete(file);
    }

    @Test
    void privateLoopbackLinkLocalAndReservedAddressesAreNotPublic() throws Exception {
        for (String address : new String[] {
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "224.0.0.1",
            "::1",
            "fe80::1",
            "fd00::1",
            "::"
        }) {
            assertThat(AttachmentFetch.isPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isFalse();
        }
        assertThat(AttachmentFetch.isPublic(InetAddress.getByName("93.184.216.34")))
                .isTrue();
        assertThat(AttachmentFetch.isPublic(InetAddress.getByName("2606:4700::1")))
                .isTrue();
        assertThat(new AttachmentFetch(false, 1).allowed(URI.create("file:///etc/passwd")))
                .isFalse();
        assertThat(new AttachmentFetch(true, 1).allowed(URI.create("ftp://127.0.0.1/x")))
                .isFalse();
    }
}

package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.broadsheet.ProxiedSiteTest;
import org.broadsheet.platform.PlatformSettings;
import org.broadsheet.testkit.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No address reads a file outside the media store or the static assets: a file planted in the
 * data directory (beside the media directory and the database) is never served, whatever the
 * path says: {@code ..} plain, percent-encoded, double-encoded or in overlong UTF-8, backslashes,
 * absolute paths, NUL, path parameters. Each such request is a 4xx with the security headers.
 */
@ProxiedSiteTest
class PathTraversalTests {

    private static final List<String> PREFIXES = List.of(
            "/media/",
            "/media/" + "a".repeat(26) + "/",
            "/assets/",
            "/assets/images/",
            "/sitemaps/",
            "/tag/",
            "/api/v1/articles/by-slug/",
            "/");

    @LocalServerPort
    int port;

    @Autowired
    PlatformSettings platform;

    @Test
    void nothingOutsideTheStoresIsServed() throws IOException {
        String marker = "secret " + UUID.randomUUID(); // the file's content: its name is echoed by 404 problems
        Path dataDir = platform.dataDir().toAbsolutePath().normalize();
        String name = "planted-" + UUID.randomUUID() + ".png";
        Files.writeString(dataDir.resolve(name), marker);
        List<String> served = new ArrayList<>();
        try (RawHttp http = new RawHttp(port)) {
            for (String prefix : PREFIXES) {
                for (String path : traversals(name, dataDir)) {
                    RawHttp.Answer answer = http.send(RawHttp.request("GET", prefix + path, List.of(), new byte[0]));
                    String what = prefix + path + " (" + answer.status() + ")";
                    if (answer.text().contains(marker)
                            || answer.status() < 400
                            || answer.status() >= 500
                            || !SecurityHeaderChecks.problems(answer).isEmpty()) {
                        served.add(what);
                    }
                }
            }
        } finally {
            Files.delete(dataDir.resolve(name));
        }
        assertThat(served)
                .as("paths answered otherwise than with a 4xx and the headers")
                .isEmpty();
    }

    /** Ways of naming {@code name} in {@code dataDir} from one or two directories below it. */
    private static List<String> traversals(String name, Path dataDir) {
        List<String> paths = new ArrayList<>();
        for (String up : List.of(
                "../",
                "../../",
                "..%2f",
                "..%2F..%2F",
                "%2e%2e/",
                "%2e%2e%2f%2e%2e%2f",
                "%252e%252e%252f",
                "%c0%ae%c0%ae/",
                "%c0%ae%c0%ae%c0%af",
                "..\\",
                "..%5c..%5c",
                "..;/",
                ";/../",
                ".%2e/",
                "%2e./../")) {
            paths.add(up + name);
        }
        String absolute = dataDir.resolve(name).toString();
        paths.add(absolute.substring(1));
        paths.add("%2f" + absolute.substring(1).replace("/", "%2f"));
        paths.add("file:" + absolute);
        paths.add(name);
        paths.add("..%00/" + name);
        paths.add(name + "%00.png");
        return paths;
    }
}

package org.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two independent readers for feeds the site writes: Rome, and Debian's python3-feedparser (the
 * parser many feed readers are built on), which flags anything not well-formed or not what its
 * format says ("bozo"). Feedparser runs as {@code /usr/bin/python3}, Debian's own Python (not a
 * pyenv one on the PATH). Without it a test is skipped, except under CI ({@code CI=true}), where
 * its absence fails the test.
 */
final class FeedReaders {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String FEEDPARSER = """
            import json, sys
            import feedparser
            d = feedparser.parse(sys.stdin.buffer.read(), response_headers={'content-type': sys.argv[1]})
            print(json.dumps({
                'bozo': bool(d.bozo),
                'problem': repr(d.get('bozo_exception')),
                'version': d.get('version', ''),
                'title': d.feed.get('title'),
                'entries': [{'id': e.get('id'), 'title': e.get('title'), 'link': e.get('link'),
                             'author': e.get('author'), 'content': e.get('content', [{}])[0].get('value'),
                             'summary': e.get('summary'), 'tags': [t.get('term') for t in e.get('tags', [])]}
                            for e in d.entries]}))
            """;

    private FeedReaders() {}

    /** The feed as Rome reads it; fails on anything Rome cannot read. */
    static SyndFeed rome(byte[] feed) {
        try {
            return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(feed)));
        } catch (Exception e) {
            throw new AssertionError(
                    "Rome cannot read the feed: " + e + "\n" + new String(feed, StandardCharsets.UTF_8), e);
        }
    }

    /**
     * The feed as feedparser reads it, served as {@code contentType}; fails when feedparser
     * finds it ill-formed (bozo). Skipped when feedparser is missing, unless under CI.
     */
    static JsonNode feedparser(byte[] feed, String contentType) {
        assumeFeedparser();
        try {
            Process python = new ProcessBuilder(PYTHON.toString(), "-c", FEEDPARSER, contentType)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            python.getOutputStream().write(feed);
            python.getOutputStream().close();
            String out;
            try (InputStream in = python.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(python.exitValue()).as("feedparser: " + out).isZero();
            JsonNode parsed = JSON.readTree(out);
            assertThat(parsed.get("bozo").asBoolean())
                    .as("feedparser finds the feed ill-formed: "
                            + parsed.get("problem").asString() + "\n" + new String(feed, StandardCharsets.UTF_8))
                    .isFalse();
            return parsed;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Feedparser is there, or the test is skipped (not under CI, where it must be there). */
    static void assumeFeedparser() {
        boolean present = Files.isExecutable(PYTHON) && feedparserImports();
        if ("true".equals(System.getenv("CI"))) {
            assertThat(present)
                    .as("python3-feedparser for " + PYTHON + " (apt-get install python3-feedparser)")
                    .isTrue();
        }
        Assumptions.assumeTrue(present, "python3-feedparser is not installed for " + PYTHON);
    }

    private static boolean feedparserImports() {
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import feedparser")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static JsonNode json(byte[] feed) {
        return JSON.readTree(feed);
    }
}

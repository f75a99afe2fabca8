package org.broadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.broadsheet.testkit.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout a service runs, as an operator makes it (docs/operations.md): {@code deploy/prepare.sh}
 * on the jar this build packaged, with this JVM. Runs after {@code package} (failsafe), since it
 * needs the jar.
 */
class DeployedLayoutIT {

    /** What the JVM says when it cannot use an archive or a cache it was given. */
    private static final Pattern ARCHIVE_REFUSED = Pattern.compile("\\[(warning|error) *]\\[(cds|aot)");

    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void theSiteStartsFromThePreparedLayoutAndTheTrainingLeavesNothingRunning(@TempDir Path dir) throws Exception {
        Path layout = dir.resolve("app");
        Path scratch = Files.createDirectories(dir.resolve("scratch")); // the training's data directory goes here
        ProcessBuilder prepare = new ProcessBuilder(
                        "bash", "deploy/prepare.sh", "target/broadsheet.jar", layout.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prepare.log").toFile());
        prepare.environment().put("JAVA", JAVA);
        prepare.environment().put("TMPDIR", scratch.toString());

        Process preparing = prepare.start();
        assertThat(preparing.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(preparing.exitValue())
                .as(Files.readString(dir.resolve("prepare.log")))
                .isZero();

        // jvm.args names the archive or cache this JVM records, and it is there
        List<String> options = Files.readAllLines(layout.resolve("jvm.args")).stream()
                .filter(line -> line.startsWith("-XX:SharedArchiveFile=") || line.startsWith("-XX:AOTCache="))
                .toList();
        assertThat(options).hasSize(1);
        assertThat(Path.of(options.get(0).substring(options.get(0).indexOf('=') + 1)))
                .isRegularFile()
                .isNotEmptyFile();
        // The training run's PostgreSQL is stopped and its directory removed (Spring's exit at the
        // end of the refresh halts the JVM without shutdown hooks: the script has to do it).
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
        List<ProcessHandle> leftBehind = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(scratch.toString()))
                .toList();
        List<String> commands =
                leftBehind.stream().map(p -> p.info().commandLine().orElse("")).toList();
        leftBehind.forEach(ProcessHandle::destroy); // a failing run leaves nothing running either
        assertThat(commands).isEmpty();

        int port = FreePorts.any();
        Path log = dir.resolve("site.log");
        Process site = new ProcessBuilder(
                        JAVA,
                        "-Xmx512m",
                        "@" + layout.resolve("jvm.args"),
                        "-jar",
                        layout.resolve("broadsheet.jar").toString(),
                        "--server.port=" + port,
                        "--management.server.port=0",
                        "--broadsheet.data-dir=" + dir.resolve("data"),
                        "--broadsheet.demo=false")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            HttpResponse<String> front = firstAnswer(URI.create("http://127.0.0.1:" + port + "/"), site);
            assertThat(front.statusCode()).as(Files.readString(log)).isEqualTo(200);
            assertThat(front.body()).contains("<html");
            assertThat(Files.readString(log)).doesNotContainPattern(ARCHIVE_REFUSED);
        } finally {
            site.destroy(); // SIGTERM: the site and its embedded PostgreSQL stop
            assertThat(site.waitFor(90, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The first answer to {@code uri} once the site listens (two minutes at most). */
    private static HttpResponse<String> firstAnswer(URI uri, Process site) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        IOException last = null;
        while (System.nanoTime() < until && site.isAlive()) {
            try {
                return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                last = notYet;
                Thread.sleep(200);
            }
        }
        throw new AssertionError("The site from the prepared layout never answered " + uri, last);
    }
}

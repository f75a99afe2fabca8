package org.broadsheet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.BroadsheetApplication;
import org.broadsheet.testkit.GeneratedWxr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code import-wxr} part-way, its batches being written two at a time: run
 * again on the same file and data directory, the import finishes the job. Every post is there
 * exactly once with its comment, and the links between posts written before and after the kill
 * are story references, as if the first run had never been stopped.
 */
class ImportKillDashNineTests {

    private static final int POSTS = 6_000;
    private static final Pattern DONE = Pattern.compile("(\\d+)/" + POSTS + " items");

    @TempDir
    Path dir;

    @Test
    void anImportKilledPartWayFinishesWhenRunAgainWithEveryPostOnce() throws Exception {
        Path file = dir.resolve("export.xml");
        Files.writeString(file, GeneratedWxr.tides(POSTS), StandardCharsets.UTF_8);
        Path dataDir = dir.resolve("site");

        Path firstLog = dir.resolve("first.log");
        Process first = importing(file, dataDir, firstLog);
        try {
            awaitItems(first, firstLog, 1_500);
            first.destroyForcibly(); // SIGKILL: its embedded PostgreSQL lives on, as after a crash
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(firstLog, StandardCharsets.UTF_8);
            assertThat(output).as("killed before it ended").doesNotContain("items written in");
            long committed = count(postgresPort(output), "select count(*) from article");
            assertThat(committed).as("some batches committed, not all").isBetween(1L, POSTS - 1L);
        } finally {
            first.destroyForcibly();
        }

        Path againLog = dir.resolve("again.log");
        Process again = importing(file, dataDir, againLog);
        try {
            assertThat(again.waitFor(5, TimeUnit.MINUTES))
                    .as("the second run ends")
                    .isTrue();
            String output = Files.readString(againLog, StandardCharsets.UTF_8);
            assertThat(again.exitValue()).as(output).isZero();
            assertThat(output).contains(POSTS + " items written in").doesNotContain("failed:");
        } finally {
            again.destroyForcibly();
        }

        try (SiteProcess site = SiteProcess.start(dataDir, new String[] {"--broadsheet.demo=false"})) {
            int port = site.postgresPort();
            assertThat(count(port, "select count(*) from article")).isEqualTo(POSTS);
            assertThat(count(port, "select count(distinct target_id) from wordpress_item where kind = 'post'"))
                    .isEqualTo(POSTS);
            assertThat(count(port, "select count(*) from comment")).isEqualTo(POSTS);
            assertThat(count(port, "select count(distinct (article_id, body)) from comment"))
                    .isEqualTo(POSTS);
            assertThat(count(port, """
                            select count(*) from article_reference r
                              join wordpress_item f on f.kind = 'post' and f.target_id = r.article_id
                              join wordpress_item t on t.kind = 'post' and t.target_id = r.target_id
                             where r.kind = 'read-more' and t.wp_id = f.wp_id - 1"""))
                    .as("every tenth post's READ MORE line, to the post before it")
                    .isEqualTo(POSTS / 10);
        }
    }

    /** {@code import-wxr FILE} in a process of its own, as an operator runs the jar's command. */
    private static Process importing(Path file, Path dataDir, Path log) throws Exception {
        List<String> command = SiteProcess.java(
                BroadsheetApplication.class.getName(),
                "import-wxr",
                file.toString(),
                "--broadsheet.data-dir=" + dataDir);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Waits until the progress line has passed {@code items}. */
    private static void awaitItems(Process process, Path log, int items) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Matcher m = DONE.matcher(output);
            int done = 0;
            while (m.find()) {
                done = Integer.parseInt(m.group(1));
            }
            if (done >= items) {
                return;
            }
            if (!process.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("The import did not reach " + items + " items:\n" + output);
            }
            Thread.sleep(20);
        }
    }

    private static int postgresPort(String output) {
        Matcher m = Pattern.compile("Embedded PostgreSQL on port (\\d+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static long count(int port, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}

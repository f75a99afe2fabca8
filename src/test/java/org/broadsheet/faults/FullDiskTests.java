package org.broadsheet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.broadsheet.BroadsheetApplication;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.Unique;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A disk that fills while the site runs, for real: the comment table is moved to a tablespace on
 * a 4 MB tmpfs, which a filler table then fills (PostgreSQL gets ENOSPC extending a file, SQLSTATE
 * 53100). Readers are still served; a comment that cannot be stored gets a 503 with Retry-After,
 * not a 500, and no comment that was accepted is lost; once space is freed, comments are stored
 * again. Needs root (as CI runs; {@code DataDirectoryTests} mounts the same way); without it the
 * class is skipped, saying so.
 */
class FullDiskTests {

    @TempDir
    static Path dataDir;

    @TempDir
    static Path small;

    private static boolean mounted;
    private static ConfigurableApplicationContext site;
    private static int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")),
                "a small file system of its own needs root (CI runs as root)");
        mounted = run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", small.toString());
        assertThat(mounted).as("mount -t tmpfs").isTrue();
        site = SpringApplication.run(
                BroadsheetApplication.class,
                "--server.port=0",
                "--broadsheet.data-dir=" + dataDir,
                "--broadsheet.demo=true",
                "--broadsheet.comments.moderation=none",
                "--broadsheet.comments.min-form-time=0",
                "--broadsheet.comments.flood-interval=0",
                "--broadsheet.comments.flood-per-hour=0");
        port = Integer.parseInt(site.getEnvironment().getProperty("local.server.port"));
        JdbcTemplate jdbc = site.getBean(JdbcTemplate.class);
        jdbc.execute("create tablespace small_disk location '" + small + "'");
        jdbc.execute("alter table comment set tablespace small_disk");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (site != null) {
                JdbcTemplate jdbc = site.getBean(JdbcTemplate.class);
                jdbc.execute("drop table if exists disk_filler");
                jdbc.execute("alter table comment set tablespace pg_default");
                jdbc.execute("drop tablespace small_disk");
                site.close();
            }
        } finally {
            if (mounted) {
                run("umount", small.toString());
            }
        }
    }

    @Test
    void aFullDiskRefusesWritesWith503AndLosesNothingAccepted() throws Exception {
        ArticleView article = site.getBean(Comments.class).article("A story posted as the disk fills");
        JdbcTemplate jdbc = site.getBean(JdbcTemplate.class);
        fillTheDisk(jdbc);

        List<String> accepted = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 200 && refused == null; i++) { // the table's last page may hold a few more
            String text = "Written as the disk fills, number " + i;
            HttpResponse<String> answer = comment(article, text);
            if (answer.statusCode() / 100 == 2) {
                accepted.add(text);
            } else {
                refused = answer;
            }
        }

        assertThat(refused).as("a comment refused once the disk is full").isNotNull();
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).doesNotContain("Exception").doesNotContain("No space left");
        assertThat(get("/").statusCode()).as("the front page").isEqualTo(200);
        assertThat(stored(jdbc, article)).as("every comment accepted is stored").containsAll(accepted);
        assertThat(stored(jdbc, article)).hasSameSizeAs(accepted);

        jdbc.execute("drop table disk_filler"); // space again
        HttpResponse<String> again = comment(article, "Written once the disk has room");

        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(stored(jdbc, article))
                .contains("Written once the disk has room")
                .containsAll(accepted);
    }

    /** Fills the small disk with incompressible rows until PostgreSQL says it is full (53100). */
    private static void fillTheDisk(JdbcTemplate jdbc) {
        jdbc.execute("create table disk_filler (b bytea) tablespace small_disk");
        jdbc.execute("alter table disk_filler alter column b set storage external");
        for (int i = 0; i < 100; i++) {
            try {
                jdbc.update("insert into disk_filler select decode(string_agg(md5(random()::text), ''), 'hex')"
                        + " from generate_series(1, 16384)");
            } catch (org.springframework.dao.DataAccessException e) {
                SQLException cause = (SQLException) e.getMostSpecificCause();
                assertThat(cause.getSQLState()).as(cause.getMessage()).isEqualTo("53100");
                return;
            }
        }
        throw new AssertionError("a 4 MB disk took 100 rows of 256 kB");
    }

    private static List<String> stored(JdbcTemplate jdbc, ArticleView article) {
        return jdbc.queryForList("select body from comment where article_id = ?", String.class, article.id());
    }

    private HttpResponse<String> comment(ArticleView article, String text) throws Exception {
        String json = "{\"name\":\"Full Disk\",\"email\":\"" + Unique.email("disk") + "\",\"text\":\"" + text + "\"}";
        return http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/v1/articles/" + article.id() + "/comments"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean run(String... command) throws Exception {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}

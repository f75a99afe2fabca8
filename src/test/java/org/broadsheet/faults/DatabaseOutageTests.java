package org.broadsheet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.broadsheet.BroadsheetApplication;
import org.broadsheet.platform.EmbeddedPostgresServer;
import org.broadsheet.testkit.FreePorts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database goes away for 30 s (the figure) while readers read, and comes back: pages in the page
 * cache are served all along, every other request gets the 503 page (with Retry-After) within
 * the pool's connection timeout, and afterwards the site serves everything again without a
 * restart, its event bus listening and its caches emptied. Nothing in the site depends on the
 * outage's length (the event bus retries every 5 s at most): {@code -Dfaults.outage-seconds=4}
 * runs the same test quicker while working on it.
 */
class DatabaseOutageTests {

    /** 30 s, as issue 13 asks; {@code -Dfaults.outage-seconds=N} for another length. */
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("faults.outage-seconds", 30));

    private static final int CONNECTION_TIMEOUT_MS = 2_000;

    @TempDir
    Path database;

    @TempDir
    Path site;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void cachedPagesAreServedThroughAnOutageOthersGet503AndTheSiteRecoversWithoutARestart() throws Exception {
        int port = FreePorts.any();
        EmbeddedPostgresServer db = EmbeddedPostgresServer.start(database, port);
        ConfigurableApplicationContext node = null;
        try {
            node = node(db);
            String base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
            List<String> stories = storyLinks(get(base + "/").body(), base);
            String cached = stories.get(0);
            String neverShown = stories.get(stories.size() - 1);
            assertThat(get(cached).statusCode()).isEqualTo(200);
            rename(db, "Renamed While Nobody Listened"); // behind the site's back: no event

            db.close();
            long down = System.nanoTime();
            Map<Integer, AtomicLong> readerStatuses = new ConcurrentHashMap<>();
            AtomicLong slowest = new AtomicLong();
            AtomicBoolean reading = new AtomicBoolean(true);
            ExecutorService readers = Executors.newFixedThreadPool(4);
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String page = i % 2 == 0 ? base + "/" : cached;
                load.add(readers.submit(() -> read(page, reading, readerStatuses, slowest)));
            }

            long asked = System.nanoTime();
            HttpResponse<String> unavailable = get(neverShown);
            long waitedMs = (System.nanoTime() - asked) / 1_000_000;
            assertThat(unavailable.statusCode()).as("a page not in the cache").isEqualTo(503);
            assertThat(waitedMs).as("ms until the 503").isLessThan(CONNECTION_TIMEOUT_MS + 2_000L);
            assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("10");
            Document page = Jsoup.parse(unavailable.body());
            assertThat(page.select("h1").text()).isEqualTo("Temporarily unavailable");
            assertThat(page.select("header").text()).as("the site's own frame").contains("Broadsheet");
            assertThat(unavailable.body()).doesNotContain("Exception").doesNotContain("at org.");

            HttpResponse<String> api = get(base + "/api/v1/articles");
            assertThat(api.statusCode()).as("the API").isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(api.headers().firstValue("Retry-After")).hasValue("10");

            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000));
            reading.set(false);
            for (Future<?> f : load) {
                f.get(30, TimeUnit.SECONDS);
            }
            readers.shutdown();
            System.out.printf(
                    "Outage of %d ms: cached pages answered %s, slowest %d ms%n",
                    OUTAGE.toMillis(), readerStatuses, slowest.get());
            assertThat(readerStatuses.keySet()).as("statuses of cached pages").containsOnly(200);
            assertThat(readerStatuses.get(200).get()).isGreaterThan(20);

            db = EmbeddedPostgresServer.start(database, port);
            assertThat(statusWithin(neverShown, Duration.ofSeconds(15)))
                    .as("the page not cached, once the database is back")
                    .isEqualTo(200);
            assertThat(frontPageNameWithin(base, "Renamed While Nobody Listened", Duration.ofSeconds(15)))
                    .as("the kept front page dropped once the event bus listens again")
                    .isTrue();
            assertThat(listeners(db)).as("event-bus connections").isEqualTo(1);
        } finally {
            if (node != null) {
                node.close();
            }
            db.close();
        }
    }

    private void read(String page, AtomicBoolean reading, Map<Integer, AtomicLong> statuses, AtomicLong slowest) {
        while (reading.get()) {
            long started = System.nanoTime();
            int status;
            try {
                status = get(page).statusCode();
            } catch (Exception e) {
                status = -1;
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            slowest.accumulateAndGet(ms, Math::max);
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        }
    }

    private int statusWithin(String url, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        int status;
        do {
            status = get(url).statusCode();
            if (status == 200) {
                return status;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < end);
        return status;
    }

    private boolean frontPageNameWithin(String base, String name, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        do {
            if (get(base + "/").body().contains(name)) {
                return true;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < end);
        return false;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> storyLinks(String front, String base) {
        return Jsoup.parse(front, base).select("main a[href]").eachAttr("abs:href").stream()
                .filter(href -> href.matches(".*/\\d{4}/\\d{2}/\\d{2}/[^/]+$"))
                .distinct()
                .toList();
    }

    private static void rename(EmbeddedPostgresServer db, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), "");
                PreparedStatement s = c.prepareStatement("""
                        insert into site_identity (name, tagline) values (?, 'Kept out of sight')
                        on conflict (id) do update set name = excluded.name
                        """)) {
            s.setString(1, name);
            s.executeUpdate();
        }
    }

    private static int listeners(EmbeddedPostgresServer db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), "");
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from pg_stat_activity where application_name = 'broadsheet-events'");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private ConfigurableApplicationContext node(EmbeddedPostgresServer db) {
        return SpringApplication.run(
                BroadsheetApplication.class,
                "--server.port=0",
                "--broadsheet.data-dir=" + site,
                "--broadsheet.demo=true",
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.hikari.connection-timeout=" + CONNECTION_TIMEOUT_MS);
    }
}

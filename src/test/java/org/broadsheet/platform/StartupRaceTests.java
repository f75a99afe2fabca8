package org.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.BroadsheetApplication;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Three nodes started at the same moment against one empty PostgreSQL, as a deploy of a
 * cluster does: one migrates and loads the demo edition, the others wait for it, and every
 * node comes up and serves readers.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupRaceTests {

    private static final int NODES = 3;
    private static final Pattern SETUP_LINK =
            Pattern.compile("http://localhost:(\\d+)(/newsroom/setup/[A-Za-z0-9_-]+)");

    @TempDir
    Path database;

    @TempDir
    Path nodes;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void threeNodesStartingTogetherOnAnEmptyDatabaseMigrateItOnceAndAllServeReaders(CapturedOutput output)
            throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(database)) {
            List<ConfigurableApplicationContext> started = startTogether(server, false);
            try {
                assertEachMigrationRanOnce(started.get(0).getBean(JdbcClient.class));
                for (ConfigurableApplicationContext node : started) {
                    HttpResponse<String> front = get(node, "/");
                    assertThat(front.statusCode())
                            .as("the front page of node on :%s", port(node))
                            .isEqualTo(200);
                    assertThat(Jsoup.parse(front.body()).select("p.empty").text())
                            .isEqualTo("Nothing has been published yet.");
                }
                assertEveryPrintedSetUpLinkWorks(started, output);
            } finally {
                started.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    @Test
    void threeNodesStartingTogetherOnAnEmptyDatabaseLoadTheDemoEditionOnce() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(database)) {
            List<ConfigurableApplicationContext> started = startTogether(server, true);
            try {
                JdbcClient jdbc = started.get(0).getBean(JdbcClient.class);
                assertEachMigrationRanOnce(jdbc);
                assertThat(jdbc.sql("select count(*) from article")
                                .query(Long.class)
                                .single())
                        .as("articles: the demo edition's, once")
                        .isEqualTo(resources("classpath:demo/articles/*.md"));
                assertThat(jdbc.sql("select count(*) from section")
                                .query(Long.class)
                                .single())
                        .as("sections: the demo edition's, once")
                        .isEqualTo(lines("demo/sections.txt"));
                for (ConfigurableApplicationContext node : started) {
                    Document front = Jsoup.parse(get(node, "/").body());
                    assertThat(front.select("h2.lead-story-headline").text())
                            .as("the lead story on node :%s", port(node))
                            .isNotBlank();
                    assertThat(front.select("nav.site-nav a[href=/americas]"))
                            .as(
                                    "the demo's sections in the navigation of node :%s (not an empty list kept"
                                            + " from before the load)",
                                    port(node))
                            .isNotEmpty();
                }
            } finally {
                started.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    private void assertEachMigrationRanOnce(JdbcClient jdbc) throws IOException {
        List<Map<String, Object>> rows = jdbc.sql("""
                        select version, count(*) filter (where success) as succeeded,
                               count(*) filter (where not success) as failed
                        from flyway_schema_history where version is not null group by version
                        """).query().listOfRows();
        long migrations = resources("classpath:db/migration/V*.sql");
        assertThat(rows).as("one row per migration").hasSize((int) migrations);
        assertThat(rows).allSatisfy(row -> {
            assertThat(((Number) row.get("succeeded")).longValue())
                    .as("successful runs of V%s", row.get("version"))
                    .isEqualTo(1);
            assertThat(((Number) row.get("failed")).longValue())
                    .as("failed runs of V%s", row.get("version"))
                    .isZero();
        });
    }

    /** Each node prints a set-up link (no administrator yet); whichever log the operator reads, it works. */
    private void assertEveryPrintedSetUpLinkWorks(List<ConfigurableApplicationContext> started, CapturedOutput output)
            throws Exception {
        Map<String, String> linkByPort = new HashMap<>();
        Matcher m = SETUP_LINK.matcher(output.getOut() + output.getErr());
        while (m.find()) {
            linkByPort.put(m.group(1), m.group(2));
        }
        for (ConfigurableApplicationContext node : started) {
            String link = linkByPort.get(port(node));
            assertThat(link)
                    .as("the set-up link printed by node on :%s", port(node))
                    .isNotNull();
            HttpResponse<String> form = get(node, link);
            assertThat(form.statusCode()).as("GET %s", link).isEqualTo(200);
            assertThat(Jsoup.parse(form.body()).select("form input[name=email]"))
                    .as("the set-up form")
                    .isNotEmpty();
        }
    }

    private List<ConfigurableApplicationContext> startTogether(EmbeddedPostgresServer server, boolean demo)
            throws Exception {
        CountDownLatch ready = new CountDownLatch(NODES);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(NODES);
        List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
        try {
            for (int i = 0; i < NODES; i++) {
                Path dataDir = nodes.resolve("node-" + i);
                starting.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return node(server, dataDir, demo);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<ConfigurableApplicationContext> started = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (Future<ConfigurableApplicationContext> node : starting) {
                try {
                    started.add(node.get(3, TimeUnit.MINUTES));
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            if (!failures.isEmpty()) {
                started.forEach(ConfigurableApplicationContext::close);
                AssertionError error = new AssertionError(failures.size() + " of " + NODES + " nodes did not start");
                failures.forEach(error::addSuppressed);
                throw error;
            }
            return started;
        } finally {
            threads.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext node(EmbeddedPostgresServer server, Path dataDir, boolean demo) {
        SpringApplication app = new SpringApplication(BroadsheetApplication.class);
        app.addListeners(new OneLoggingSetUpAtATime());
        return app.run(
                "--server.port=0",
                "--broadsheet.data-dir=" + dataDir,
                "--broadsheet.demo=" + demo,
                "--spring.datasource.url=" + server.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=2",
                "--spring.datasource.hikari.minimum-idle=1",
                "--server.tomcat.threads.max=2",
                "--server.tomcat.threads.min-spare=1");
    }

    /**
     * Spring Boot sets up logging for the whole JVM before a context refreshes, and two doing it
     * at once in one JVM fail ("Unable to find Spring Environment in logger context"); nodes in
     * their own processes share nothing of the kind. So the nodes take turns for that step only
     * (a fraction of a second) and refresh together: the data source, the migrations and the
     * start-up writes, where the race under test is.
     */
    private static final class OneLoggingSetUpAtATime implements ApplicationListener<SpringApplicationEvent>, Ordered {

        private static final Semaphore TURN = new Semaphore(1);
        private final AtomicBoolean holding = new AtomicBoolean();

        @Override
        public void onApplicationEvent(SpringApplicationEvent event) {
            if (event instanceof ApplicationStartingEvent) {
                TURN.acquireUninterruptibly();
                holding.set(true);
            } else if ((event instanceof ApplicationPreparedEvent || event instanceof ApplicationFailedEvent)
                    && holding.getAndSet(false)) {
                TURN.release();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    private static long resources(String pattern) throws IOException {
        return new PathMatchingResourcePatternResolver().getResources(pattern).length;
    }

    /** The lines of a demo table that are neither blank nor comments. */
    private static long lines(String resource) throws IOException {
        return new ClassPathResource(resource)
                .getContentAsString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .count();
    }

    private static String port(ConfigurableApplicationContext node) {
        return node.getEnvironment().getProperty("local.server.port");
    }

    private HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node) + path))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

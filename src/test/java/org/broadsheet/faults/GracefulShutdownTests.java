package org.broadsheet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.broadsheet.BroadsheetApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Closing the site (what SIGTERM does, through Spring's shutdown hook) while a slow request is
 * in flight: the request finishes and its answer arrives whole, reading the embedded database at
 * its very end (so the database is stopped after the web server), and the scheduler's and the
 * event bus's threads are gone afterwards.
 */
class GracefulShutdownTests {

    private static final Duration SLOW = Duration.ofSeconds(3);

    @TempDir
    Path dataDir;

    @Test
    void aRequestInFlightFinishesBeforeTheDatabaseStops() throws Exception {
        SpringApplication app = new SpringApplication(BroadsheetApplication.class);
        // a servlet of the test's own, registered by hand so that no other test's context scans it
        app.addInitializers(context -> ((GenericApplicationContext) context)
                .registerBean(
                        "slowServlet",
                        ServletRegistrationBean.class,
                        () -> new ServletRegistrationBean<>(new SlowServlet(context), "/slow-for-shutdown")));
        // Other tests' sites, cached in this JVM, have threads of the same names: only new ones count.
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        ConfigurableApplicationContext site =
                app.run("--server.port=0", "--broadsheet.data-dir=" + dataDir, "--broadsheet.demo=false");
        String url =
                "http://localhost:" + site.getEnvironment().getProperty("local.server.port") + "/slow-for-shutdown";

        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Thread.sleep(500); // the request is in the servlet now
        long closing = System.nanoTime();
        site.close();
        long closedMs = (System.nanoTime() - closing) / 1_000_000;

        HttpResponse<String> answer = inFlight.get();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("finished, and the database still answered: yes");
        assertThat(closedMs).as("ms the close waited for the request").isGreaterThan(SLOW.toMillis() - 1_000);
        assertThat(Thread.getAllStackTraces().keySet())
                .as("threads left by the closed site")
                .noneMatch(t -> t.isAlive()
                        && !before.contains(t)
                        && (t.getName().startsWith("scheduling-") || t.getName().equals("cluster-events")));
    }

    /**
     * SIGTERM to a site in a process of its own, as systemd stops it: the JVM runs its shutdown
     * hooks all at once, and the embedded PostgreSQL must still stop last, after the pool, with
     * the beans that write as they stop (the WordPress imports mark their jobs) still reaching it.
     */
    @Test
    void sigtermStopsTheEmbeddedDatabaseLast() throws Exception {
        SiteProcess site = SiteProcess.start(dataDir, new String[] {"--broadsheet.demo=false"});
        int exit = site.stop(Duration.ofSeconds(60));
        String log = site.output();

        assertThat(exit).as("the exit code after SIGTERM").isIn(0, 143);
        assertThat(log)
                .contains("Graceful shutdown complete")
                .doesNotContain("terminating connection due to administrator command")
                .doesNotContain("Could not mark this node's WordPress imports stopped");
        int poolClosed = log.indexOf("broadsheet - Shutdown completed");
        int databaseStopped = log.indexOf("server stopped");
        assertThat(poolClosed).as("the pool's close in the log").isPositive();
        assertThat(databaseStopped).as("PostgreSQL stops after the pool").isGreaterThan(poolClosed);
        assertThat(dataDir.resolve("postgres/postmaster.pid"))
                .as("no server left running")
                .doesNotExist();
    }

    /** Sleeps, then reads the database: a request that would fail if the database stopped first. */
    private static final class SlowServlet extends HttpServlet {

        private final transient org.springframework.context.ApplicationContext context;

        SlowServlet(org.springframework.context.ApplicationContext context) {
            this.context = context;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try {
                Thread.sleep(SLOW.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String answer = context.getBean(JdbcClient.class)
                    .sql("select 'yes'")
                    .query(String.class)
                    .single();
            response.setContentType("text/plain");
            response.getWriter().write("finished, and the database still answered: " + answer);
        }
    }
}

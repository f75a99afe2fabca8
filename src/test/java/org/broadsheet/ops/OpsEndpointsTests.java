package org.broadsheet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.LiveSite;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.StaffMembers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The actuator as an operator and a reader see it: health, probes, info and Prometheus metrics
 * on the management port (loopback), nothing of it on the site's port; the metrics move with
 * the traffic they count; every response carries a request id.
 */
@BroadsheetTest
class OpsEndpointsTests extends SiteTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Autowired
    LiveSite live;

    @Autowired
    Environment environment;

    private HttpResponse<String> management(String path) throws Exception {
        String port = environment.getProperty("local.management.port");
        assertThat(port)
                .as("a management server of its own")
                .isNotNull()
                .isNotEqualTo(environment.getProperty("local.server.port"));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String metrics() throws Exception {
        HttpResponse<String> response = management("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The sum of every series of {@code name} whose labels contain each of {@code labels}. */
    private static double sum(String metrics, String name, String... labels) {
        double sum = 0;
        Matcher line = Pattern.compile("(?m)^" + name + "\\{(.*)} (\\S+)$").matcher(metrics);
        while (line.find()) {
            boolean all = true;
            for (String label : labels) {
                all &= line.group(1).contains(label);
            }
            if (all) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }

    @Test
    void theManagementPortAnswersHealthProbesAndInfo() throws Exception {
        HttpResponse<String> health = management("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(management("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");

        HttpResponse<String> readiness = management("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"", "\"migrations\"", "\"readinessState\"");

        String info = management("/actuator/info").body();
        assertThat(info).contains("\"build\"", "\"version\":\"0.1.0-SNAPSHOT\"", "\"git\"", "\"commit\"");
    }

    @Test
    void theSitesPortAnswersNotFoundForTheActuator() {
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator/info", "/actuator"}) {
            HttpResponse<byte[]> response = live.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            String page = new String(response.body(), StandardCharsets.UTF_8);
            assertThat(Jsoup.parse(page).select("h1").text()).as(path).isNotBlank();
            assertThat(page).doesNotContain("\"status\"", "jvm_");
        }
    }

    @Test
    void prometheusHasTheMetricsThatMatter() throws Exception {
        live.get("/");
        String metrics = metrics();
        assertThat(metrics)
                .contains(
                        "jvm_memory_used_bytes",
                        "jvm_gc_",
                        "hikaricp_connections_active",
                        "broadsheet_page_cache_requests_total{result=\"hit\"}",
                        "broadsheet_page_cache_size_bytes",
                        "cache_gets_total{cache=\"articles.views\"",
                        "cache_gets_total{cache=\"comments.rendered\"",
                        "broadsheet_comments_posted_total{status=\"pending\"}",
                        "broadsheet_events_out_total{result=\"queued\"}",
                        "broadsheet_events_in_total",
                        "broadsheet_events_reconnects_total",
                        "broadsheet_events_listening",
                        "broadsheet_scheduled_publishing_lag_seconds",
                        "broadsheet_http_requests_seconds_bucket{");
    }

    @Test
    void aPageFromThePageCacheIsTimedAsSuch() throws Exception {
        ArticleView story = commenting.article("Timed from the page cache");
        String url = URI.create(story.url()).getPath();
        double before =
                sum(metrics(), "broadsheet_http_requests_seconds_count", "route=\"page-cache\"", "status=\"200\"");
        // rendered and kept, then from the page cache: five, as the story's own change may still
        // reach the page cache after the first rendering and drop it once
        for (int i = 0; i < 5; i++) {
            assertThat(live.get(url).statusCode()).isEqualTo(200);
        }
        String after = metrics();
        assertThat(sum(after, "broadsheet_http_requests_seconds_count", "route=\"page-cache\"", "status=\"200\""))
                .isGreaterThanOrEqualTo(before + 2);
        assertThat(sum(after, "broadsheet_http_requests_seconds_count", "route=\"/{section:"))
                .as(after.lines()
                        .filter(l -> l.startsWith("broadsheet_http_requests_seconds_count"))
                        .toList()
                        .toString())
                .isPositive();
    }

    @Test
    void aCommentMovesTheCounterOfItsStatus() throws Exception {
        ArticleView story = commenting.article("Counted comments");
        double approved = sum(metrics(), "broadsheet_comments_posted_total", "status=\"approved\"");
        double invalid = sum(metrics(), "broadsheet_comments_refused_total", "reason=\"invalid\"");

        assertThat(site.perform(commenting.form(story, "name=Counted", "email=counted@example.org", "comment=One"))
                        .getStatus())
                .isEqualTo(303);
        assertThat(site.perform(commenting.form(story, "name=Counted", "email=not-an-email", "comment=Two"))
                        .getStatus())
                .isEqualTo(422);

        String after = metrics();
        assertThat(sum(after, "broadsheet_comments_posted_total", "status=\"approved\""))
                .isEqualTo(approved + 1);
        assertThat(sum(after, "broadsheet_comments_refused_total", "reason=\"invalid\""))
                .isEqualTo(invalid + 1);
    }

    @Test
    void failedSignInsAreCounted() throws Exception {
        StaffMembers.Member member = staff.create(Role.AUTHOR);
        double failures = sum(metrics(), "broadsheet_sign_in_total", "kind=\"password\"", "outcome=\"failure\"");
        site.perform(StaffMembers.signInForm(member.email(), "not the password"));
        assertThat(sum(metrics(), "broadsheet_sign_in_total", "kind=\"password\"", "outcome=\"failure\""))
                .isEqualTo(failures + 1);
    }

    @Test
    void everyResponseCarriesARequestIdAndAWellFormedOneIsKept() throws Exception {
        HttpResponse<String> mine = HTTP.send(
                HttpRequest.newBuilder(live.uri("/"))
                        .header("X-Request-Id", "lb-42.a_b:c")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(mine.headers().firstValue("X-Request-Id")).contains("lb-42.a_b:c");

        HttpResponse<String> forged = HTTP.send(
                HttpRequest.newBuilder(live.uri("/"))
                        .header("X-Request-Id", "x\" forged=1 {}")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.headers().firstValue("X-Request-Id")).get().asString().matches("[0-9a-f]{16}");

        HttpResponse<byte[]> none = live.get("/no-such-page-" + System.nanoTime());
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.headers().firstValue("X-Request-Id")).get().asString().matches("[0-9a-f]{16}");
    }
}

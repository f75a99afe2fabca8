package org.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.broadsheet.BroadsheetApplication;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.comment.CommentService;
import org.broadsheet.site.SiteIdentities;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.TermForm;
import org.broadsheet.testkit.Stories;
import org.broadsheet.web.SiteIdentity;
import org.broadsheet.web.SiteUrls;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes, A and B, on one PostgreSQL, each with reader caches (and feeds) that would otherwise hold
 * data for 10 minutes: what changes on A shows on B as soon as A's transaction commits,
 * through {@code LISTEN/NOTIFY}, and only then.
 */
class ClusterEventBusTests {

    /** Far longer than any cache here would need if the bus did not work (TTLs are 10 minutes). */
    private static final Duration WITHIN = Duration.ofSeconds(15);

    /** A test's own cluster event. */
    public record Probe(String name) implements ClusterEvent {}

    @TempDir
    static Path database;

    @TempDir
    static Path dataA;

    @TempDir
    static Path dataB;

    private static EmbeddedPostgresServer server;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static final List<Object> heardOnB = new CopyOnWriteArrayList<>();
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoNodes() {
        server = EmbeddedPostgresServer.start(database);
        a = node(dataA, true, event -> {});
        b = node(dataB, false, heardOnB::add);
    }

    @AfterAll
    static void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anArticleTakenDownOnOneNodeLeavesTheOtherAtOnce() throws Exception {
        Stories stories = a.getBean(Stories.class);
        ArticleView article = stories.publish(stories.form("Taken down on node A"));
        HttpResponse<String> before = get(b, article.url());
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains(article.headline());
        assertThat(get(b, article.url()).statusCode())
                .as("B now serves it from its cache")
                .isEqualTo(200);

        a.getBean(ArticleWorkflow.class).unpublish(article.id());

        assertThat(eventually(() -> get(b, article.url()).statusCode() == 404))
                .as("B stops serving the article taken down on A")
                .isTrue();
    }

    @Test
    void aPageKeptOnOneNodeIsFreshWithinASecondOfAnEditOnTheOther() throws Exception {
        Stories stories = a.getBean(Stories.class);
        ArticleForm form = stories.form("Kept on node B");
        ArticleView article = stories.publish(form);
        HttpResponse<String> onA = get(a, article.url());
        HttpResponse<String> onB = get(b, article.url());
        assertThat(onB.body()).contains("Kept on node B");
        assertThat(onB.headers().firstValue("ETag"))
                .as("both nodes give the same page the same validator")
                .isEqualTo(onA.headers().firstValue("ETag"))
                .isPresent();
        // Changed behind the site's back: B's page cache keeps answering what it rendered.
        jdbc().sql("update article set headline = 'Changed without an event' where id = ?")
                .param(article.id())
                .update();
        assertThat(get(b, article.url()).body()).contains("Kept on node B");

        a.getBean(ArticleService.class)
                .update(
                        article.id(),
                        new ArticleForm(
                                form.slug(),
                                "Edited on node A",
                                form.standfirst(),
                                form.body(),
                                form.section(),
                                form.authors(),
                                form.tags(),
                                null));
        Instant edited = Instant.now();
        boolean fresh = false;
        while (!fresh && Duration.between(edited, Instant.now()).compareTo(Duration.ofSeconds(1)) < 0) {
            fresh = get(b, article.url()).body().contains("Edited on node A");
        }
        assertThat(fresh)
                .as("B answers with the edit within a second of A's commit")
                .isTrue();
    }

    @Test
    void aStoryPublishedAndACommentApprovedOnOneNodeShowInTheOtherNodesFeeds() throws Exception {
        assertThat(get(b, "/feed").body()).doesNotContain("Published on node A for the feeds");
        assertThat(get(b, "/comments/feed/atom").statusCode()).isEqualTo(200);
        Stories stories = a.getBean(Stories.class);

        ArticleView article = stories.publish(
                stories.form("Published on node A for the feeds"), Instant.now().minusSeconds(1));
        assertThat(eventually(() -> get(b, "/feed").body().contains("Published on node A for the feeds")))
                .as("B's kept site feed lists the story published on A")
                .isTrue();

        a.getBean(CommentService.class)
                .importComment(
                        article.id(),
                        new org.broadsheet.comment.CommentForm(
                                "Feed reader", "reader@example.org", null, "Seen on node B.", null),
                        org.broadsheet.comment.CommentStatus.APPROVED,
                        Instant.now());
        assertThat(eventually(() -> get(b, "/comments/feed/atom").body().contains("Seen on node B.")))
                .as("B's kept comment feed lists the comment approved on A")
                .isTrue();

        a.getBean(ArticleWorkflow.class).unpublish(article.id());
        assertThat(eventually(() -> !get(b, "/feed").body().contains("Published on node A for the feeds")))
                .as("B's kept site feed drops the story taken down on A")
                .isTrue();
    }

    @Test
    void aNewSiteNameAndARenamedSectionShowOnTheOtherNode() throws Exception {
        Section section = a.getBean(SectionService.class).all().get(1);
        Document front = Jsoup.parse(get(b, "/").body());
        assertThat(front.title()).doesNotContain("Cluster Herald");
        assertThat(front.select("nav a").eachText()).contains(section.name()).doesNotContain("Cluster Desk");

        a.getBean(SiteIdentities.class).update(new SiteIdentity("Cluster Herald", "Read on any node"));
        a.getBean(SectionService.class)
                .update(section.id(), TermForm.section(section.slug(), "Cluster Desk", section.description()));

        assertThat(eventually(() -> {
                    Document page = Jsoup.parse(get(b, "/").body());
                    return page.title().contains("Cluster Herald")
                            && page.select("nav a").eachText().contains("Cluster Desk");
                }))
                .as("B's front page shows A's new site name and section name")
                .isTrue();
    }

    @Test
    void aStaffReplyOnOneNodeShowsInTheOtherNodesComments() throws Exception {
        Map<String, Object> parent = jdbc().sql("""
                select c.id, a.slug, a.published_at, s.slug as section
                from comment c join article a on a.id = c.article_id join section s on s.id = a.section_id
                where c.status = 'approved' and c.parent_id is null and a.status = 'published'
                  and a.comments_open order by c.id limit 1
                """).query().singleRow();
        String path = a.getBean(SiteUrls.class)
                .article((String) parent.get("section"), ((Timestamp) parent.get("published_at")).toInstant(), (String)
                        parent.get("slug"));
        String text = "A reply written on node A, " + Instant.now().toEpochMilli();
        assertThat(get(b, path).body()).doesNotContain(text);

        a.getBean(CommentService.class)
                .replyAsStaff(((Number) parent.get("id")).longValue(), "Night desk", "desk@broadsheet.example", text);

        assertThat(eventually(() -> get(b, path).body().contains(text)))
                .as("B shows the reply approved on A")
                .isTrue();
    }

    @Test
    void onlyCommittedChangesAreAnnounced() throws Exception {
        ApplicationEventPublisher events = a;
        TransactionTemplate tx = a.getBean(TransactionTemplate.class);
        tx.executeWithoutResult(status -> {
            events.publishEvent(new Probe("rolled back"));
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> events.publishEvent(new Probe("committed")));

        assertThat(eventually(() -> heardOnB.contains(new Probe("committed")))).isTrue();
        // Notifications arrive in commit order, so had the first been sent, it would be here by now.
        assertThat(heardOnB).doesNotContain(new Probe("rolled back"));
    }

    @Test
    void aNodeThatLosesItsConnectionListensAgainAndForgetsWhatItCached() throws Exception {
        assertThat(eventually(() -> listeningConnections() == 2))
                .as("both nodes listen, each on a connection of its own")
                .isTrue();
        assertThat(eventually(() -> heardOnB.stream().anyMatch(ClusterEventsResumed.class::isInstance)))
                .as("a node announces it is listening when it starts")
                .isTrue();
        long resumedBefore =
                heardOnB.stream().filter(ClusterEventsResumed.class::isInstance).count();

        int ended = jdbc().sql(
                        "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")
                .param(ClusterEventListener.APPLICATION_NAME)
                .query(Integer.class)
                .single();
        assertThat(ended).as("both nodes' listening connections").isEqualTo(2);

        assertThat(eventually(() -> heardOnB.stream()
                                .filter(ClusterEventsResumed.class::isInstance)
                                .count()
                        > resumedBefore))
                .as("B reconnects and tells its caches to forget")
                .isTrue();
        a.publishEvent(new Probe("after reconnecting"));
        assertThat(eventually(() -> heardOnB.contains(new Probe("after reconnecting"))))
                .isTrue();
    }

    // ---- helpers

    private static ConfigurableApplicationContext node(
            Path dataDir, boolean demo, java.util.function.Consumer<Object> heard) {
        SpringApplication app = new SpringApplication(BroadsheetApplication.class);
        app.addListeners((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof PayloadApplicationEvent<?> payload) {
                heard.accept(payload.getPayload());
            }
        });
        return app.run(
                "--server.port=0",
                "--broadsheet.data-dir=" + dataDir,
                "--broadsheet.demo=" + demo,
                "--spring.datasource.url=" + server.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--broadsheet.articles.cache-ttl=10m",
                "--broadsheet.comments.cache-ttl=10m",
                "--broadsheet.site.cache-ttl=10m",
                "--broadsheet.feeds.cache-ttl=10m",
                // One public address for both, as behind a load balancer: their pages are the same.
                "--broadsheet.site.url=https://cluster.example");
    }

    private static long listeningConnections() {
        return jdbc().sql("select count(*) from pg_stat_activity where application_name = ?")
                .param(ClusterEventListener.APPLICATION_NAME)
                .query(Long.class)
                .single();
    }

    private static JdbcClient jdbc() {
        return a.getBean(JdbcClient.class);
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
        String port = node.getEnvironment().getProperty("local.server.port");
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static boolean eventually(Check check) throws Exception {
        Instant until = Instant.now().plus(WITHIN);
        while (Instant.now().isBefore(until)) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(50);
        }
        return check.holds();
    }
}

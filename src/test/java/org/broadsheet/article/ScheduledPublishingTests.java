package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.testkit.Stories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Scheduled publication on several nodes at once: two schedulers over the same due articles
 * (committed, not rolled back, as on a real site) publish and announce each exactly once. The
 * hundreds of stories this publishes would fill every reader page of the shared test site, so it
 * runs on a site of its own (its own data directory, and so its own database), closed after it.
 */
@BroadsheetTest
@TestPropertySource(properties = "broadsheet.data-dir=target/test-data/scheduled-publishing-${random.uuid}")
@DirtiesContext
class ScheduledPublishingTests {

    private static final int ARTICLES = 450; // several batches each way

    @Autowired
    org.springframework.scheduling.TaskScheduler taskScheduler;

    @Autowired
    ArticleWorkflow workflow;

    @Autowired
    ArticleRepository repository;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Stories stories;

    @Test
    void twoSchedulersPublishAndAnnounceEachDueArticleExactlyOnce() throws Exception {
        Set<Long> due = ConcurrentHashMap.newKeySet();
        Map<Long, AtomicInteger> announced = new ConcurrentHashMap<>();
        ApplicationListener<PayloadApplicationEvent<?>> listener = event -> {
            if (event.getPayload() instanceof ArticleEvents.ArticlePublished published
                    && due.contains(published.articleId())) {
                announced
                        .computeIfAbsent(published.articleId(), k -> new AtomicInteger())
                        .incrementAndGet();
            }
        };
        context.addApplicationListener(
                listener); // from the start: the application's own scheduler may publish some too
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Instant past = Instant.now().minusSeconds(30);
            for (int i = 0; i < ARTICLES; i++) {
                long id = stories.draft(stories.form("Embargoed story " + i));
                due.add(id);
                repository.setStatus(id, ArticleStatus.SCHEDULED, past); // due, as after a restart
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                ScheduledPublishing scheduler = new ScheduledPublishing(
                        workflow,
                        taskScheduler,
                        java.time.Clock.systemUTC(),
                        java.time.Duration.ofSeconds(30),
                        new SimpleMeterRegistry());
                runs.add(nodes.submit(() -> {
                    start.await();
                    scheduler.publishDue();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
            // Waits for any publishing transaction of the application's own scheduler to end.
            jdbc.sql("select id from article where id = any(?) for update")
                    .param(due.toArray(Long[]::new))
                    .query(Long.class)
                    .list();
        } finally {
            nodes.shutdownNow();
            context.removeApplicationListener(listener);
        }
        assertExactlyOnce(due, announced);
    }

    private void assertExactlyOnce(Set<Long> due, Map<Long, AtomicInteger> announced) {
        assertThat(due).allSatisfy(id -> assertThat(workflow.status(id)).contains(ArticleStatus.PUBLISHED));
        assertThat(announced.keySet()).containsExactlyInAnyOrderElementsOf(due);
        assertThat(announced.values())
                .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }
}

package org.broadsheet.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lifts embargoes. Every half minute (and five seconds after start, so a restart catches up at
 * once) scheduled articles whose time has come are published; in between, each node also sets
 * a wake-up for the next article due within that half minute, and for every article scheduled
 * on it, so a story goes out about when it is due rather than up to 30 s later. Readers never
 * see an embargoed story early, since only published rows are public. Safe on several nodes at
 * once: each due article is published (and announced) by exactly one of them
 * ({@link ArticleWorkflow#publishDue}); a node that wakes to find nothing due does nothing.
 */
@Component
@ConditionalOnWebApplication // the site publishes; a command such as create-admin does not
class ScheduledPublishing {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);
    /** Wake a little after the due time, so the row's time has surely come on the database's clock too. */
    private static final Duration GRACE = Duration.ofMillis(200);

    private final ArticleWorkflow articles;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final Duration interval;
    private ScheduledFuture<?> wakeUp;
    private Instant wakeUpAt;

    ScheduledPublishing(
            ArticleWorkflow articles,
            TaskScheduler scheduler,
            Clock clock,
            @Value("${broadsheet.articles.publish-check:30s}") Duration interval) {
        this.articles = articles;
        this.scheduler = scheduler;
        this.clock = clock;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${broadsheet.articles.publish-check:30s}", initialDelayString = "5s")
    void publishDue() {
        int total = 0;
        int published;
        do {
            published = articles.publishDue();
            total += published;
        } while (published == ArticleWorkflow.PUBLISH_BATCH);
        if (total > 0) {
            log.info("Published {} scheduled article(s)", total);
        }
        articles.nextScheduled().ifPresent(this::wakeUpAt);
    }

    @EventListener
    void scheduled(ArticleEvents.ArticleScheduled event) {
        wakeUpAt(event.at());
    }

    /** Runs {@link #publishDue} at {@code due}, if that is before the next regular run and before any wake-up already set. */
    synchronized void wakeUpAt(Instant due) {
        Instant at = due.plus(GRACE);
        if (at.isAfter(clock.instant().plus(interval))) {
            return; // the regular run will come first and set it then
        }
        if (wakeUp != null && !wakeUp.isDone() && wakeUpAt.isAfter(clock.instant()) && !wakeUpAt.isAfter(at)) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        wakeUpAt = at;
        wakeUp = scheduler.schedule(this::publishDue, at);
    }
}

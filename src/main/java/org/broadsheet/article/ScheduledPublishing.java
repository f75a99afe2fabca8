package org.broadsheet.article;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
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
    /** How late the most overdue story still scheduled was at the end of the last run; 0 when none is. */
    private final AtomicLong overdueMillis = new AtomicLong();

    private final Counter runs;
    private final Counter storiesPublished;

    ScheduledPublishing(
            ArticleWorkflow articles,
            TaskScheduler scheduler,
            Clock clock,
            @Value("${broadsheet.articles.publish-check:30s}") Duration interval,
            MeterRegistry registry) {
        this.articles = articles;
        this.scheduler = scheduler;
        this.clock = clock;
        this.interval = interval;
        this.runs = Counter.builder("broadsheet.scheduled.publishing.runs")
                .description("Runs of the scheduled publishing check (regular and wake-ups)")
                .register(registry);
        this.storiesPublished = Counter.builder("broadsheet.scheduled.publishing.published")
                .description("Scheduled stories published when their time came")
                .register(registry);
        Gauge.builder("broadsheet.scheduled.publishing.lag", overdueMillis, millis -> millis.get() / 1000.0)
                .description("How overdue the oldest story still scheduled was after the last run")
                .baseUnit("seconds")
                .register(registry);
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
        runs.increment();
        storiesPublished.increment(total);
        Optional<Instant> next = articles.nextScheduled();
        overdueMillis.set(next.map(
                        at -> Math.max(0, Duration.between(at, clock.instant()).toMillis()))
                .orElse(0L));
        next.ifPresent(this::wakeUpAt);
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

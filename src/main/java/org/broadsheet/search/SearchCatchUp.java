package org.broadsheet.search;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.broadsheet.article.ArticleEvents;
import org.broadsheet.article.ReaderChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the search vectors that bulk imports leave out (V15), on a thread and a connection of
 * its own, so that an import of many thousands of stories does not wait for them: each batch
 * an import commits ({@link ArticleEvents.ArticlesImported}, on this node or another) wakes it,
 * and it indexes what waits in chunks, each in a transaction, until nothing does. It also runs
 * once on start, for stories an import left waiting when its process stopped, and on stop it
 * finishes what waits before the connection pool closes (so {@code import-wxr} exits with its
 * stories searchable). Until a story is indexed, searches do not find it and related-story
 * lists rank it by its tags alone; after each round that indexed something this node announces
 * a {@link ReaderChange.Stories}, so that what it keeps (search results, related lists, pages in
 * the page cache) is read again. Other nodes forget theirs when their kept copies expire.
 *
 * <p>It belongs to the site, not to the jar's commands ({@code import-wxr} runs without the
 * web): a command leaves the stories it imports waiting, so that its run does not share the
 * machine with their indexing, and says so; the site indexes them when it starts (or at once,
 * when it runs meanwhile on the same database, told by the import's events).
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class SearchCatchUp implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchCatchUp.class);

    /** Stories per transaction. */
    static final int CHUNK = 500;

    private final SearchRepository repository;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean running;
    private volatile ExecutorService worker = newWorker();

    SearchCatchUp(SearchRepository repository, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.repository = repository;
        this.transactions = transactions;
        this.events = events;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onImport(ArticleEvents.ArticlesImported imported) {
        request();
    }

    /** Asks for a round, unless one is already waiting to start. */
    void request() {
        if (running && queued.compareAndSet(false, true)) {
            worker.execute(this::round);
        }
    }

    /** Indexes what waits, chunk by chunk, until nothing does; returns how many stories. */
    long round() {
        queued.set(false);
        long indexed = 0;
        long started = System.nanoTime();
        try {
            int n;
            do {
                Integer chunk = transactions.execute(tx -> repository.indexWaiting(CHUNK));
                n = chunk == null ? 0 : chunk;
                indexed += n;
            } while (n > 0);
        } catch (RuntimeException e) {
            log.warn("Search catch-up stopped after {} stories; the next import or start resumes it", indexed, e);
        }
        if (indexed > 0) {
            events.publishEvent(new ReaderChange.Stories());
            log.debug(
                    "Search catch-up: {} imported stories indexed in {} ms",
                    indexed,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return indexed;
    }

    @Override
    public synchronized void start() {
        if (worker.isShutdown()) {
            worker = newWorker();
        }
        running = true;
        request();
    }

    /** Finishes what waits (the last round of an import's indexing) before the pool closes. */
    @Override
    public synchronized void stop() {
        running = false;
        long started = System.nanoTime();
        worker.execute(() -> {
            long indexed = round();
            if (indexed > 0) {
                log.info(
                        "Search catch-up: the last {} imported stories indexed, {} ms after stopping began",
                        indexed,
                        (System.nanoTime() - started) / 1_000_000);
            }
        });
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.MINUTES)) {
                log.warn("Search catch-up did not finish; the next start resumes it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "broadsheet:search-catch-up");
            thread.setDaemon(true);
            return thread;
        });
    }
}

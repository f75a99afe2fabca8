package org.broadsheet.wordpress;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.platform.PlatformSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports started from the newsroom: the uploaded file is saved under
 * {@code <data-dir>/wordpress-imports/} and imported in the background, one at a time on this
 * node. <b>The job runs on the node that took the upload</b>, since the file is on that node's
 * disk; its state, progress line and report are kept in PostgreSQL ({@code wordpress_import_job},
 * through {@link ImportJobs}), so that the import's page works on every node behind a load
 * balancer. The running node writes the progress line at most once a second (not per line read)
 * and touches the job at least every {@value #HEARTBEAT_SECONDS} seconds; a job that stays
 * silent for a minute (its node died) is shown as stopped, and a node that shuts down marks its
 * jobs stopped. The newest {@value #KEPT} jobs are kept; the imported content is what lasts.
 * Thread-safe.
 */
@Component
public class WordPressImports {

    static final int KEPT = 20;

    static final int HEARTBEAT_SECONDS = 15;

    private static final Logger log = LoggerFactory.getLogger(WordPressImports.class);

    private static final String AGAIN = " What was imported stays; importing the same file again finishes the job.";

    public enum State {
        WAITING,
        RUNNING,
        DONE,
        REFUSED,
        FAILED,
        /** Its node shut down or stopped answering before the import ended. */
        STOPPED
    }

    /**
     * One import as its page shows it.
     *
     * @param node the node running it (its host name and a random suffix of that node's run)
     */
    public record Job(
            String id,
            String filename,
            boolean dryRun,
            State state,
            String progress,
            String report,
            Instant started,
            @Nullable Instant finished,
            String node) {

        public boolean isFinished() {
            return state != State.WAITING && state != State.RUNNING;
        }
    }

    private final WordPressImporter importer;
    private final ImportJobs jobs;
    private final Path directory;
    private final String node = nodeName();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(daemon("wordpress-import"));
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(daemon("wordpress-import-progress"));
    private final AtomicInteger unfinished = new AtomicInteger();
    private volatile @Nullable String runningId;
    private volatile String latestLine = "";
    /** Only the ticker's thread reads and writes these three. */
    private @Nullable String writtenId;

    private String writtenLine = "";

    private long lastWrite = System.nanoTime();

    WordPressImports(WordPressImporter importer, ImportJobs jobs, PlatformSettings platform) {
        this.importer = importer;
        this.jobs = jobs;
        this.directory = platform.dataDir().resolve("wordpress-imports");
        deleteLeftovers(directory);
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Uploads left by this data directory's last run, whose jobs were stopped with it (one node
     * holds a data directory at a time, so none of them belongs to a job still running).
     */
    private static void deleteLeftovers(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var files = Files.newDirectoryStream(directory, "*.wxr")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Could not delete the WordPress uploads left in {}: {}", directory, e.toString());
        }
    }

    /** Saves {@code upload} and queues its import on this node; returns the job. */
    public Job start(InputStream upload, String filename, boolean dryRun, @Nullable String pagesSection)
            throws IOException {
        Files.createDirectories(directory);
        String id = UUID.randomUUID().toString();
        Path file = directory.resolve(id + ".wxr");
        Files.copy(upload, file);
        Job job = jobs.add(id, filename, dryRun, node);
        jobs.prune(KEPT);
        unfinished.incrementAndGet();
        runner.submit(() -> run(job, file, new WordPressImporter.Options(dryRun, pagesSection, null)));
        return job;
    }

    /** This node's name, as its jobs show it. */
    public String node() {
        return node;
    }

    /** The job, whichever node runs it. */
    public Optional<Job> job(String id) {
        return jobs.find(id);
    }

    /** The newest imports of every node, newest first. */
    public List<Job> recent() {
        return jobs.recent(KEPT);
    }

    private void run(Job waiting, Path file, WordPressImporter.Options options) {
        latestLine = "Reading the file";
        runningId = waiting.id();
        try (PrintStream progress = new PrintStream(new LastLine(line -> latestLine = line), true, UTF_8)) {
            jobs.running(waiting.id(), latestLine);
            ImportReport report = importer.run(file, options, progress);
            end(waiting, State.DONE, report.text());
        } catch (WxrRefused e) {
            end(waiting, State.REFUSED, "The file was refused, nothing was imported: " + e.describe());
        } catch (IOException | RuntimeException e) {
            end(waiting, State.FAILED, "The import stopped: " + e.getMessage() + "." + AGAIN);
        } finally {
            unfinished.decrementAndGet();
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a file left behind is only disk space; the next start deletes it
            }
        }
    }

    private void end(Job job, State state, String report) {
        runningId = null;
        jobs.finish(job.id(), state, report);
    }

    /** Once a second: the running job's newest progress line if it changed, else a heartbeat now and then. */
    private void tick() {
        try {
            String id = runningId;
            String line = latestLine;
            if (id != null && !(id.equals(writtenId) && line.equals(writtenLine))) {
                jobs.progress(id, line);
                writtenId = id;
                writtenLine = line;
                lastWrite = System.nanoTime();
            }
            if (unfinished.get() > 0 && System.nanoTime() - lastWrite >= TimeUnit.SECONDS.toNanos(HEARTBEAT_SECONDS)) {
                jobs.heartbeat(node);
                lastWrite = System.nanoTime();
            }
        } catch (RuntimeException e) { // the database away for a moment: the next tick tries again
            log.warn("Could not write the WordPress import's progress: {}", e.toString());
        }
    }

    /** The report of a job whose node has not been heard from for a minute. */
    static String silentReport(String node) {
        return "The import stopped: its server (" + node + ") has not been heard from for over a minute." + AGAIN;
    }

    /** Stops the import and marks this node's waiting and running jobs stopped, for every node to see. */
    @PreDestroy
    void stop() {
        // Counted before the runner stops: a job it interrupts still needs marking. None (this
        // node's name is new each run, so only its own jobs carry it): no write at all.
        boolean anyUnfinished = unfinished.get() > 0;
        ticker.shutdownNow();
        runner.shutdownNow();
        try {
            runner.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!anyUnfinished) {
            return;
        }
        try {
            jobs.stopAll(node, "The import stopped when its server (" + node + ") shut down." + AGAIN);
        } catch (RuntimeException e) {
            log.warn("Could not mark this node's WordPress imports stopped: {}", e.toString());
        }
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "node";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Hands on each line written (a line ends at a line feed or a carriage return). */
    private static final class LastLine extends OutputStream {

        private final java.util.function.Consumer<String> lines;
        private final java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();

        LastLine(java.util.function.Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public void write(int b) {
            if (b == '\r' || b == '\n') {
                String line = current.toString(StandardCharsets.UTF_8).strip();
                current.reset();
                if (!line.isEmpty()) {
                    lines.accept(line);
                }
            } else {
                current.write(b);
            }
        }

        @Override
        public void flush() {
            String line = current.toString(StandardCharsets.UTF_8).strip();
            if (!line.isEmpty()) {
                lines.accept(line);
            }
        }
    }
}

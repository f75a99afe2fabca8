package org.broadsheet.wordpress;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.broadsheet.platform.PlatformSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Imports started from the newsroom: the uploaded file is saved under
 * {@code <data-dir>/wordpress-imports/} and imported in the background, one at a time on this
 * node, while its progress line and, at the end, its report can be read. The jobs of this
 * node's run are kept in memory (the last {@value #KEPT}); the imported content is what lasts.
 */
@Component
public class WordPressImports {

    static final int KEPT = 20;

    public enum State {
        WAITING,
        RUNNING,
        DONE,
        REFUSED,
        FAILED
    }

    /** One import as its page shows it. */
    public record Job(
            String id,
            String filename,
            boolean dryRun,
            State state,
            String progress,
            String report,
            Instant started,
            @Nullable Instant finished) {

        public boolean isFinished() {
            return state != State.WAITING && state != State.RUNNING;
        }
    }

    private final WordPressImporter importer;
    private final Path directory;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "wordpress-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    WordPressImports(WordPressImporter importer, PlatformSettings platform, Clock clock) {
        this.importer = importer;
        this.directory = platform.dataDir().resolve("wordpress-imports");
        this.clock = clock;
    }

    /** Saves {@code upload} and queues its import; returns the job. */
    public Job start(InputStream upload, String filename, boolean dryRun, @Nullable String pagesSection)
            throws IOException {
        Files.createDirectories(directory);
        String id = UUID.randomUUID().toString();
        Path file = directory.resolve(id + ".wxr");
        Files.copy(upload, file);
        Job job = new Job(id, filename, dryRun, State.WAITING, "", "", clock.instant(), null);
        put(job);
        runner.submit(() -> run(job, file, new WordPressImporter.Options(dryRun, pagesSection, null)));
        return job;
    }

    public Optional<Job> job(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** This node's imports, newest first. */
    public List<Job> recent() {
        synchronized (jobs) {
            List<Job> newest = new ArrayList<>(jobs.values());
            java.util.Collections.reverse(newest);
            return newest;
        }
    }

    private void run(Job waiting, Path file, WordPressImporter.Options options) {
        Job running = with(waiting, State.RUNNING, "Reading the file", "", null);
        put(running);
        try (PrintStream progress = new PrintStream(
                new LastLine(line -> put(with(running, State.RUNNING, line, "", null))),
                true,
                StandardCharsets.UTF_8)) {
            ImportReport report = importer.run(file, options, progress);
            put(with(running, State.DONE, "", report.text(), clock.instant()));
        } catch (WxrRefused e) {
            put(with(
                    running,
                    State.REFUSED,
                    "",
                    "The file was refused, nothing was imported: " + e.describe(),
                    clock.instant()));
        } catch (IOException | RuntimeException e) {
            put(with(
                    running,
                    State.FAILED,
                    "",
                    "The import stopped: " + e.getMessage()
                            + ". What was imported stays; importing the same file again finishes the job.",
                    clock.instant()));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a file left behind is only disk space; the next start of the directory holds it
            }
        }
    }

    private static Job with(Job job, State state, String progress, String report, @Nullable Instant finished) {
        return new Job(job.id(), job.filename(), job.dryRun(), state, progress, report, job.started(), finished);
    }

    private void put(Job job) {
        synchronized (jobs) {
            jobs.put(job.id(), job);
            while (jobs.size() > KEPT) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
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

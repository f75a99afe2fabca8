package org.broadsheet.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.BroadsheetApplication;
import org.broadsheet.testkit.FreePorts;

/**
 * Broadsheet in a process of its own, as an operator runs it ({@code main} on the test class
 * path, the jar's {@code main}), so that a test can {@code kill -9} it or send it SIGTERM. Its
 * output goes to a file the test reads: when it has started, and the port of its embedded
 * PostgreSQL (for a test to count rows behind its back).
 */
final class SiteProcess implements AutoCloseable {

    private static final Pattern POSTGRES_PORT = Pattern.compile("Embedded PostgreSQL on port (\\d+)");

    private final Process process;
    private final Path log;
    private final int port;

    private SiteProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the site on {@code dataDir} with {@code options} and waits until it serves. */
    static SiteProcess start(Path dataDir, String mainClass, String... options) throws Exception {
        int port = FreePorts.any();
        List<String> command = java(mainClass, "--server.port=" + port, "--broadsheet.data-dir=" + dataDir);
        command.addAll(List.of(options));
        Path log = Files.createTempFile(Files.createDirectories(Path.of("target")), "site-process-", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        SiteProcess site = new SiteProcess(process, log, port);
        site.awaitOutput("Started ", Duration.ofSeconds(120));
        return site;
    }

    /** The command line of {@code mainClass} with {@code args} in a JVM of its own, on the test class path (a list to add to). */
    static List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    static SiteProcess start(Path dataDir, String... options) throws Exception {
        return start(dataDir, BroadsheetApplication.class.getName(), options);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The port its embedded PostgreSQL listens on, as it logged it. */
    int postgresPort() throws IOException {
        Matcher m = POSTGRES_PORT.matcher(output());
        int found = -1;
        while (m.find()) {
            found = Integer.parseInt(m.group(1));
        }
        if (found < 0) {
            throw new IllegalStateException("No embedded PostgreSQL in the log:\n" + output());
        }
        return found;
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: the JVM gets no chance to do anything (its embedded PostgreSQL lives on). */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as systemd stops a service; returns the exit code. */
    int stop(Duration limit) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The site did not stop within " + limit);
        }
        return process.exitValue();
    }

    void awaitOutput(String text, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError("The site exited with " + process.exitValue() + ":\n" + output());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("No '" + text + "' within " + limit + ":\n" + output());
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(60));
        }
    }
}

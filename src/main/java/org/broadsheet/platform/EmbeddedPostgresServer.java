package org.broadsheet.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /** Locks {@code dataDir} and starts (or initialises, on first use) the cluster below it. */
    public static EmbeddedPostgresServer start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(
                    dataDir.resolve("broadsheet.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(dataDir);
            }
            try {
                stopOrphanedServer(dataDir.resolve("postgres"));
                long started = System.nanoTime();
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir.resolve("postgres"))
                        .setCleanDataDirectory(false)
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("shared_buffers", "128MB")
                        .setServerConfig("synchronous_commit", "on")
                        // zonky starts PostgreSQL with -F (no fsync), fine for tests, not for a newsroom:
                        // a later -c wins, so every commit reaches the disk.
                        .setServerConfig("fsync", "on")
                        .start();
                log.info(
                        "Embedded PostgreSQL on port {} with its data in {} ({} ms)",
                        postgres.getPort(),
                        dataDir.resolve("postgres").toAbsolutePath(),
                        (System.nanoTime() - started) / 1_000_000);
                return new EmbeddedPostgresServer(channel, lock, postgres);
            } catch (IOException | RuntimeException e) {
                lock.release();
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
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

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }
}

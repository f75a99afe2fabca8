package org.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory that cannot hold the site is refused before anything is written to it, with
 * a reason an operator can act on. As root (CI), a read-only and a tiny tmpfs are mounted for
 * the real thing; otherwise permissions stand in for the first, and the second is skipped.
 */
class DataDirectoryTests {

    @TempDir
    Path temp;

    @Test
    void anUnwritableDataDirectoryIsRefusedAndLeftEmpty() throws Exception {
        Path dataDir = Files.createDirectories(temp.resolve("data"));
        boolean mounted = root() && mount(dataDir, "ro,size=1m");
        if (!mounted) {
            assumeTrue(!root(), "as root, permissions do not stop a write; the mount must work");
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir))
                    .isInstanceOf(DataDirectoryUnusableException.class)
                    .hasMessageContaining("it is not writable");
            assertThat(entries(dataDir)).as("what the refused start left").isZero();
        } finally {
            if (mounted) {
                unmount(dataDir);
            } else {
                Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    @Test
    void aFullDiskIsRefusedAtStartAndLeftAsItWas() throws Exception {
        assumeTrue(root(), "a small file system of its own needs root (CI runs as root)");
        Path dataDir = Files.createDirectories(temp.resolve("small"));
        assertThat(mount(dataDir, "size=16m")).as("mount -t tmpfs").isTrue();
        try {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir))
                    .isInstanceOf(DataDirectoryUnusableException.class)
                    .hasMessageContaining("its disk is full (16 MB free, 64 MB needed)");
            assertThat(entries(dataDir)).as("what the refused start left").isZero();
        } finally {
            unmount(dataDir);
        }
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(file.resolve("data")))
                .isInstanceOf(DataDirectoryUnusableException.class)
                .hasMessageContaining("it cannot be created")
                .hasMessageContaining(file.toString());
    }

    @Test
    void theSiteRefusesToStartWithExitCodeThreeAndOneClearMessage() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        Path out = temp.resolve("out.txt");
        Process site = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        org.broadsheet.BroadsheetApplication.class.getName(),
                        "--server.port=0",
                        "--broadsheet.data-dir=" + file.resolve("data"))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        assertThat(site.waitFor(120, TimeUnit.SECONDS)).as("the site exits").isTrue();

        String printed = Files.readString(out);
        assertThat(site.exitValue()).as(printed).isEqualTo(DataDirectoryUnusableException.EXIT_CODE);
        assertThat(printed)
                .contains("Broadsheet cannot use its data directory " + file.resolve("data"))
                .contains("it cannot be created")
                .contains("--broadsheet.data-dir=DIR")
                .doesNotContain("Tomcat started");
    }

    @Test
    void aFirstStartThatFailsLeavesNoHalfMadeCluster() {
        Path pgData = temp.resolve("postgres");

        assertThatThrownBy(() -> DataDirectoryChecks.initialisedOrNothing(pgData, () -> {
                    Files.createDirectories(pgData.resolve("base/1"));
                    Files.writeString(pgData.resolve("base/1/relation"), "half");
                    throw new IOException("No space left on device");
                }))
                .hasMessage("No space left on device");
        assertThat(pgData).doesNotExist();
    }

    @Test
    void aFailedRestartOfAnExistingClusterKeepsIt() throws Exception {
        Path pgData = Files.createDirectories(temp.resolve("postgres"));
        Files.writeString(pgData.resolve("PG_VERSION"), "14\n");

        assertThatThrownBy(() -> DataDirectoryChecks.initialisedOrNothing(pgData, () -> {
                    throw new IOException("port in use");
                }))
                .hasMessage("port in use");
        assertThat(pgData.resolve("PG_VERSION")).exists();
    }

    @Test
    void failureAnalysisSaysWhatToDo() {
        var analysis = new DataDirectoryUnusableFailureAnalyzer()
                .analyze(new DataDirectoryUnusableException(temp, "it is not writable (Read-only file system)", null));
        assertThat(analysis.getDescription())
                .contains(temp.toString())
                .contains("it is not writable (Read-only file system)")
                .contains("Nothing was written there");
        assertThat(analysis.getAction()).contains("--broadsheet.data-dir").contains("64 MB free");
    }

    private static long entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean mount(Path dir, String options) throws Exception {
        return run("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()) == 0;
    }

    private static void unmount(Path dir) throws Exception {
        run("umount", dir.toString());
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}

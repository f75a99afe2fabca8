package org.broadsheet.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.broadsheet.backup.BackupRestoreTests.Outcome;
import org.broadsheet.platform.JarCommand;

/**
 * Makes the damaged archives {@code BackupRestoreTests} hands to {@code restore}: each must be
 * refused with its reason before anything is written to the target.
 */
final class DamagedArchives {

    private DamagedArchives() {}

    /** A copy of {@code archive} cut in the middle. */
    static Path truncated(Path archive, Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(archive);
        return Files.write(dir.resolve("truncated.zip"), Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** A copy of {@code archive} with one byte of the articles' rows flipped. */
    static Path flipped(Path archive, Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(archive);
        byte[] name = Manifest.tableEntry("article").getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(bytes, name) + name.length + 200; // past the local header, into the data
        bytes[at] ^= 0x01;
        return Files.write(dir.resolve("flipped.zip"), bytes);
    }

    /** A copy of {@code archive} whose manifest names a schema version no Broadsheet has yet. */
    static Path newer(Path archive, Path dir) throws IOException {
        Path newer = dir.resolve("newer.zip");
        try (ZipFile zip = new ZipFile(archive.toFile());
                OutputStream file = Files.newOutputStream(newer);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    if (entry.getName().equals(Manifest.NAME)) {
                        Manifest m = ArchiveWriter.JSON.readValue(in.readAllBytes(), Manifest.class);
                        out.write(ArchiveWriter.JSON.writeValueAsBytes(
                                new Manifest(m.format(), "999", m.createdAt(), m.tables(), m.sequences(), m.media())));
                    } else {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return newer;
    }

    /** A file that is no archive at all. */
    static Path foreign(Path dir) throws IOException {
        return Files.writeString(dir.resolve("notes.zip"), "Shopping: bread, milk, a new notebook.\n");
    }

    /** Restores {@code archive} into an empty directory; asserts the refusal and that the directory stayed empty. */
    static void assertRefused(Path archive, Path target, String reason) throws Exception {
        Outcome outcome = BackupRestoreTests.command(new RestoreCommand(), archive, target);

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(JarCommand.FAILED);
        assertThat(outcome.err())
                .as(archive.getFileName().toString())
                .contains("Restore refused, nothing was written")
                .contains(reason);
        assertThat(BackupRestoreTests.isEmpty(target))
                .as("nothing written into " + target)
                .isTrue();
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}

package org.broadsheet.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.broadsheet.media.MediaStorage;
import org.broadsheet.platform.JarCommand;
import org.broadsheet.platform.PlatformSettings;
import org.springframework.context.ApplicationContext;

/**
 * {@code java -jar broadsheet.jar backup FILE}: writes the database (one snapshot) and every
 * media file into one archive ({@link Manifest}), while the site runs or not. With the embedded
 * PostgreSQL of a running site, it connects to that server on the port PostgreSQL recorded in
 * the data directory; with none running it starts the server itself; with
 * {@code spring.datasource.url} it uses that PostgreSQL. The file appears whole or not at all
 * (written beside it, then moved).
 */
public final class BackupCommand implements JarCommand {

    public static final String NAME = "backup";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String usage() {
        return "usage: java -jar broadsheet.jar backup FILE.zip [--broadsheet.data-dir=DIR]";
    }

    @Override
    public Optional<Class<?>> ownContext() {
        return Optional.of(BackupContext.class);
    }

    @Override
    public int run(ApplicationContext context, String[] args, PrintStream out, PrintStream err) {
        Optional<Path> argument = JarCommand.fileArgument(args);
        if (argument.isEmpty()) {
            err.println(usage());
            return USAGE;
        }
        Path file = argument.get();
        Path part = file.resolveSibling(file.getFileName() + ".part");
        long started = System.nanoTime();
        try (DatabaseTarget database = DatabaseTarget.of(
                context.getEnvironment(),
                context.getBean(PlatformSettings.class).dataDir(),
                true)) {
            Manifest manifest = write(database, context.getBean(MediaStorage.class), part);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long rows =
                    manifest.tables().stream().mapToLong(Manifest.Table::rows).sum();
            out.printf(
                    "Backed up %s: %d tables (%d rows), %d sequences, %d media files, schema version %s,"
                            + " to %s (%d bytes) in %d ms%n",
                    database,
                    manifest.tables().size(),
                    rows,
                    manifest.sequences().size(),
                    manifest.media().size(),
                    manifest.schemaVersion(),
                    file,
                    Files.size(file),
                    (System.nanoTime() - started) / 1_000_000);
            return OK;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println("Backup failed: " + e.getMessage());
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the message above says what went wrong
            }
            return FAILED;
        }
    }

    private static Manifest write(DatabaseTarget database, MediaStorage media, Path part)
            throws IOException, SQLException {
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(part), 64 * 1024);
                ArchiveWriter archive = new ArchiveWriter(file);
                Connection connection = database.connect()) {
            String createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
            DatabaseExport.Exported exported = DatabaseExport.export(connection, archive);
            List<Manifest.Entry> files = MediaCopy.backup(media, archive);
            Manifest manifest = new Manifest(
                    Manifest.FORMAT,
                    exported.schemaVersion(),
                    createdAt,
                    exported.tables(),
                    exported.sequences(),
                    files);
            archive.finish(manifest);
            return manifest;
        }
    }
}

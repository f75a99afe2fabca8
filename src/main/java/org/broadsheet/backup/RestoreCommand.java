package org.broadsheet.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.broadsheet.backup.ArchiveCheck.RefusedArchive;
import org.broadsheet.media.MediaStorage;
import org.broadsheet.platform.JarCommand;
import org.broadsheet.platform.PlatformSettings;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar broadsheet.jar restore FILE}: fills an empty data directory (or the empty
 * external PostgreSQL of {@code spring.datasource.url}) and the media store from an archive of
 * {@link BackupCommand}. In order, stopping at the first refusal: the archive is read whole and
 * checked ({@link ArchiveCheck}) with nothing written yet; the database must hold no table and the
 * media store no file; Flyway makes the schema at the archive's version; the rows go in (one
 * transaction) with the sequences; Flyway brings the schema up to this version; the media files
 * are put. The site started on it afterwards begins with every cache empty.
 */
public final class RestoreCommand implements JarCommand {

    public static final String NAME = "restore";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String usage() {
        return "usage: java -jar broadsheet.jar restore FILE.zip [--broadsheet.data-dir=DIR]";
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
        long started = System.nanoTime();
        Migrations migrations = new Migrations(context.getEnvironment());
        try (ZipFile zip = open(file)) {
            Manifest manifest = ArchiveCheck.verify(zip, migrations.newest());
            MediaCopy.requireValidKeys(manifest);
            String summary = restore(context, zip, manifest, migrations);
            out.printf(
                    "Restored %s (schema version %s, made %s) %s in %d ms%n",
                    file,
                    manifest.schemaVersion(),
                    manifest.createdAt(),
                    summary,
                    (System.nanoTime() - started) / 1_000_000);
            return OK;
        } catch (RefusedArchive | TargetNotEmpty e) {
            err.println("Restore refused, nothing was written: " + e.getMessage());
            return FAILED;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println("Restore failed: " + e.getMessage() + "\nThe target may hold part of the archive:"
                    + " empty it (delete the data directory, or drop and create the database) before trying again.");
            return FAILED;
        }
    }

    private static ZipFile open(Path file) throws RefusedArchive, IOException {
        if (!Files.isRegularFile(file)) {
            throw new RefusedArchive("There is no file " + file);
        }
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new RefusedArchive("Not a Broadsheet backup, or a truncated one: " + file
                    + " is not a whole zip file (" + e.getMessage() + ")");
        }
    }

    /** Everything after the archive was found whole; returns what was restored, in words. */
    private static String restore(ApplicationContext context, ZipFile zip, Manifest manifest, Migrations migrations)
            throws IOException, SQLException, TargetNotEmpty {
        Environment environment = context.getEnvironment();
        Path dataDir = context.getBean(PlatformSettings.class).dataDir();
        try (DatabaseTarget database = target(environment, dataDir)) {
            try (Connection connection = database.connect()) {
                if (!DatabaseImport.isEmpty(connection)) {
                    throw new TargetNotEmpty(database + " is not empty: restore wants a data directory or a database"
                            + " no site has been started on");
                }
            }
            MediaStorage media = context.getBean(MediaStorage.class);
            if (!MediaCopy.isEmpty(media)) {
                throw new TargetNotEmpty("The media store already holds files: restore wants an empty one");
            }
            migrations.migrate(database, MigrationVersion.fromVersion(manifest.schemaVersion()));
            long rows;
            try (Connection connection = database.connect()) {
                rows = DatabaseImport.load(connection, manifest, zip);
            }
            int applied = migrations.migrate(database, MigrationVersion.LATEST);
            int files = MediaCopy.restore(media, manifest, zip);
            return "into %s: %d tables (%d rows), %d sequences, %d media files; %d newer migrations applied"
                    .formatted(
                            database,
                            manifest.tables().size(),
                            rows,
                            manifest.sequences().size(),
                            files,
                            applied);
        }
    }

    private static DatabaseTarget target(Environment environment, Path dataDir) throws IOException, TargetNotEmpty {
        try {
            return DatabaseTarget.of(environment, dataDir, false);
        } catch (IllegalStateException e) {
            throw new TargetNotEmpty(e.getMessage());
        }
    }

    /** The target already holds a site. */
    static final class TargetNotEmpty extends Exception {
        TargetNotEmpty(String message) {
            super(message);
        }
    }
}

package org.broadsheet.wordpress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.broadsheet.platform.JarCommand;
import org.broadsheet.platform.PlatformSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;

/**
 * {@code java -jar broadsheet.jar import-wxr FILE.xml [--dry-run] [--pages SECTION]}: imports a
 * WordPress export ({@code --uploads DIR}: a copy of its {@code wp-content/uploads}). Exit 0 when every item came in, 1 when the file was refused or an item
 * failed (the report says which and why), 2 for a wrong command line. The report is printed and
 * written beside the data directory ({@code wordpress-import-<time>.txt}).
 */
public final class ImportWxrCommand implements JarCommand {

    public static final String NAME = "import-wxr";

    /** The command line, read. */
    record Arguments(
            Path file,
            boolean dryRun,
            @Nullable String pages,
            @Nullable Path uploads) {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String usage() {
        return "usage: java -jar broadsheet.jar import-wxr FILE.xml [--dry-run] [--uploads DIR] [--pages SECTION]"
                + " [--broadsheet.data-dir=DIR]";
    }

    @Override
    public Set<String> ownOptions() {
        return Set.of("pages", "uploads");
    }

    static Arguments arguments(String[] args) {
        Path file = null;
        boolean dryRun = false;
        String pages = null;
        Path uploads = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (arg.equals("--pages")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--pages needs a section slug");
                }
                pages = args[++i];
            } else if (arg.equals("--uploads")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--uploads needs a directory");
                }
                uploads = Path.of(args[++i]);
            } else if (arg.startsWith("--uploads=")) {
                uploads = Path.of(arg.substring("--uploads=".length()));
            } else if (arg.startsWith("--pages=")) {
                pages = arg.substring("--pages=".length());
            } else if (arg.startsWith("--") && arg.contains("=")) {
                continue; // Spring's, such as --broadsheet.data-dir=DIR
            } else if (arg.startsWith("-") || file != null) {
                throw new IllegalArgumentException("Unknown argument " + arg);
            } else {
                file = Path.of(arg);
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("Name the WXR file to import");
        }
        return new Arguments(file, dryRun, pages, uploads);
    }

    /** The file's first reading starts now, while the database and the services start. */
    @Override
    public void beforeContext(String[] args) {
        try {
            Path file = arguments(args).file();
            if (Files.isRegularFile(file) && Files.isReadable(file)) {
                WxrIndex.readAhead(file);
            }
        } catch (IllegalArgumentException e) {
            // a wrong command line: run says so
        }
    }

    @Override
    public int run(ApplicationContext context, String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = arguments(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(usage());
            return USAGE;
        }
        WordPressImporter importer = context.getBean(WordPressImporter.class);
        String refusal = refusal(arguments, importer);
        if (refusal != null) {
            err.println(refusal);
            return FAILED;
        }
        try {
            ImportReport report = importer.run(
                    arguments.file(),
                    new WordPressImporter.Options(arguments.dryRun(), arguments.pages(), arguments.uploads()),
                    out);
            out.print(report.text());
            out.print(searchLine(importer.articleImports().waitingForSearch()));
            Path written = write(report, context);
            out.println("Report written to " + written);
            return report.failures() == 0 ? OK : FAILED;
        } catch (WxrRefused e) {
            err.println("Refused " + arguments.file().getFileName() + ": " + e.describe());
            return FAILED;
        } catch (IOException e) {
            err.println(
                    "Could not read " + arguments.file() + ": " + e.getClass().getSimpleName());
            return FAILED;
        }
    }

    /**
     * What the command leaves to the site: it does not make the search index of the stories it
     * imports (the site's {@code search.SearchCatchUp} does, when it starts), so that the import
     * has the machine to itself.
     */
    static String searchLine(long waiting) {
        return waiting == 0
                ? ""
                : "Search: " + waiting + (waiting == 1 ? " story waits" : " stories wait")
                        + " to be indexed. The site indexes them when it starts"
                        + " (or now, if it runs on this database); until then search does not find them.\n";
    }

    /** Why the named file, directory or section cannot be used, or null. */
    private static @Nullable String refusal(Arguments arguments, WordPressImporter importer) {
        if (!Files.isRegularFile(arguments.file()) || !Files.isReadable(arguments.file())) {
            return "No readable file " + arguments.file();
        }
        if (arguments.uploads() != null && !Files.isDirectory(arguments.uploads())) {
            return "No directory " + arguments.uploads() + " for --uploads";
        }
        if (arguments.pages() != null
                && importer.sections().findBySlug(arguments.pages()).isEmpty()) {
            return "No section '" + arguments.pages() + "' for --pages: create it first";
        }
        return null;
    }

    private static Path write(ImportReport report, ApplicationContext context) throws IOException {
        Path data = context.getBean(PlatformSettings.class)
                .dataDir()
                .toAbsolutePath()
                .normalize();
        String time = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(context.getBean(Clock.class).instant());
        Path beside = data.getParent() == null ? data : data.getParent();
        Path file = beside.resolve(data.getFileName() + "-wordpress-import-" + time + ".txt");
        return Files.writeString(file, report.text(), StandardCharsets.UTF_8);
    }
}

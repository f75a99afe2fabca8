package org.broadsheet.wordpress;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.broadsheet.platform.JarCommand;
import org.broadsheet.web.SiteIdentitySource;
import org.springframework.context.ApplicationContext;

/**
 * {@code java -jar broadsheet.jar export-wxr FILE.xml}: writes the whole site as WXR 1.2 (see
 * {@link WxrExporter}); gzip-compressed when FILE ends in {@code .gz}. The file appears whole or
 * not at all (written beside it, then moved). Links are made on {@code broadsheet.site.url}.
 */
public final class ExportWxrCommand implements JarCommand {

    public static final String NAME = "export-wxr";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String usage() {
        return "usage: java -jar broadsheet.jar export-wxr FILE.xml[.gz] [--broadsheet.data-dir=DIR]"
                + " [--broadsheet.site.url=https://news.example]";
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
        try {
            WxrExporter.Counts counts = write(context, file, part);
            out.printf("Exported %s to %s in %d ms%n", counts, file, (System.nanoTime() - started) / 1_000_000);
            return OK;
        } catch (IOException | RuntimeException e) {
            err.println("Export failed: " + e.getMessage());
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the message above says what went wrong
            }
            return FAILED;
        }
    }

    private static WxrExporter.Counts write(ApplicationContext context, Path file, Path part) throws IOException {
        WxrExporter.Counts counts;
        try (OutputStream raw = Files.newOutputStream(part);
                OutputStream stream = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 64 * 1024) : raw) {
            counts = context.getBean(WxrExporter.class)
                    .export(
                            stream,
                            context.getBean(SiteIdentitySource.class).current().name());
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return counts;
    }
}

package org.broadsheet.platform;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * For a command of the jar (not the site): asks HotSpot's optimising compiler (C2) not to
 * compile the start-up code of the frameworks, the class loader and reflection as methods of
 * their own ({@code command-compiler-directives.json}, JEP 165's compiler directives, added
 * through the {@code DiagnosticCommand} management bean as {@code jcmd Compiler.directives_add}
 * would). That code runs hot for the few seconds of the context's start and never again; on
 * two cores C2 spent 5 s of processor time on it during a 100,000-post import, time taken from
 * the import itself (issue 11). The quick compiler (C1) still compiles it, and C2 still inlines
 * it into the methods it does compile, so the command's own hot paths lose nothing. Without
 * HotSpot or its management beans, nothing changes.
 */
public final class CommandCompilation {

    private static final String DIRECTIVES = "/broadsheet/command-compiler-directives.json";

    private CommandCompilation() {}

    /** Adds the directives; true if the JVM took them. */
    public static boolean limitStartUpCompilation() {
        try (InputStream in = CommandCompilation.class.getResourceAsStream(DIRECTIVES)) {
            if (in == null) {
                return false;
            }
            Path file = Files.createTempFile("broadsheet-compiler-directives", ".json");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                Object answer = ManagementFactory.getPlatformMBeanServer()
                        .invoke(
                                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                                "compilerDirectivesAdd",
                                new Object[] {new String[] {file.toString()}},
                                new String[] {String[].class.getName()});
                return answer == null || !String.valueOf(answer).contains("rror");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException | JMException | RuntimeException | LinkageError e) {
            return false; // not HotSpot, or no management: the compilers do as they would
        }
    }
}

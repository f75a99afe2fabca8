package org.broadsheet.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Loads the classes the site's start-up is known to load, on a second thread, while the main
 * thread reads the configuration (issue 12's start-up). Most of a start is loading, verifying
 * and linking some 14,000 classes from the jar's nested jars, one at a time on the main thread,
 * with the second processor mostly idle; this thread loads them ahead of it, in the order the
 * start needs them, so that the main thread finds many of them loaded already.
 *
 * <p>The names are in {@value #LIST}, made by {@code bench/startup-classes.sh} from a start of
 * the jar ({@code -Xlog:class+load}): the classes of the jar and its libraries, not the JDK's
 * (they differ between JDKs, and the JDK's class-data archive holds most of those already). A
 * class is loaded, not initialised: no static initialiser runs early, so loading one changes
 * nothing the start would not do itself. A name that no longer exists (a library upgraded or a
 * class renamed since the list was made) is passed over; {@code StartupClassesTests} asks for
 * the list to be made again when a library's class is gone, or a tenth of the project's own.
 * {@code -D}{@value #SWITCH}{@code =false} turns it off.
 */
public final class StartupClasses {

    /** The list's resource: one binary class name a line, in the order a start loads them; {@code #} comments. */
    static final String LIST = "/broadsheet/startup-classes.txt";

    /** The system property that turns the loading off ({@code false}). */
    static final String SWITCH = "broadsheet.startup.preload";

    private StartupClasses() {}

    /**
     * Starts the loading thread (a daemon: it never holds up the JVM's exit), unless {@code
     * properties} switch it off or there is no list.
     */
    public static Optional<Thread> preloadInBackground(ClassLoader loader, Properties properties) {
        if ("false".equalsIgnoreCase(properties.getProperty(SWITCH))) {
            return Optional.empty();
        }
        @Nullable InputStream list = StartupClasses.class.getResourceAsStream(LIST);
        if (list == null) {
            return Optional.empty();
        }
        Thread thread = new Thread(
                () -> {
                    try (Reader names = new InputStreamReader(list, StandardCharsets.UTF_8)) {
                        preload(names, loader);
                    } catch (IOException | RuntimeException e) {
                        // only time is lost: the main thread loads what this one did not
                    }
                },
                "startup-classes");
        thread.setDaemon(true);
        thread.start();
        return Optional.of(thread);
    }

    /**
     * Loads, without initialising, each class named in {@code names} (blank lines and {@code #}
     * comments skipped); returns how many loaded. A name that cannot be loaded is passed over.
     */
    static int preload(Reader names, ClassLoader loader) throws IOException {
        BufferedReader lines = new BufferedReader(names);
        int loaded = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // gone since the list was made, or not loadable here: the start does without it
            }
        }
        return loaded;
    }
}

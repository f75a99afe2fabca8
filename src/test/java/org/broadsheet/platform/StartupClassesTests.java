package org.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The classes the site's start-up loads on a second thread: the shipped list, and how it is read. */
class StartupClassesTests {

    static final AtomicInteger INITIALISED = new AtomicInteger();

    /** Its static initialiser must not run when the list names it. */
    static final class NotToBeInitialised {
        static {
            INITIALISED.incrementAndGet();
        }
    }

    @Test
    void everyLibraryClassTheShippedListNamesLoadsOnThisClassPath() throws Exception {
        List<String> names = shippedNames();
        List<String> missing = missing(names.stream().filter(n -> !ours(n)).toList());

        assertThat(names).as("names in %s", StartupClasses.LIST).hasSizeGreaterThan(5_000);
        assertThat(missing)
                .as("library classes of the list that no longer exist: a dependency changed, so run"
                        + " bench/startup-classes.sh to make the list again")
                .isEmpty();
    }

    /**
     * The project's own classes and templates are renamed in the course of work, and a name gone
     * costs nothing but its head start; the list is made again when many have gone.
     */
    @Test
    void mostOfTheProjectsOwnClassesTheListNamesStillExist() throws Exception {
        List<String> own =
                shippedNames().stream().filter(StartupClassesTests::ours).toList();
        List<String> missing = missing(own);

        assertThat(own).as("the project's own classes in the list").hasSizeGreaterThan(200);
        assertThat(missing.size())
                .as(
                        "of %d own classes, gone since the list was made: %s; run bench/startup-classes.sh",
                        own.size(), missing)
                .isLessThanOrEqualTo(own.size() / 10);
    }

    @Test
    void theShippedListNamesEachClassOnceAndNoneOfTheJdks() throws Exception {
        List<String> names = shippedNames();
        Set<String> seen = new HashSet<>();

        assertThat(names.stream().filter(n -> !seen.add(n)))
                .as("names listed twice")
                .isEmpty();
        assertThat(names)
                .as("JDK classes differ between JDKs: the list keeps to the jar's")
                .noneMatch(n -> n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun."));
        assertThat(names).as("generated classes (proxies, lambdas)").noneMatch(n -> n.contains("$$"));
        assertThat(names.get(0)).as("the first class a start loads").isEqualTo("org.broadsheet.BroadsheetApplication");
    }

    @Test
    void namedClassesAreLoadedNotInitialisedAndUnknownNamesArePassedOver() throws Exception {
        String fixture = NotToBeInitialised.class.getName();
        RecordingLoader loader = new RecordingLoader(getClass().getClassLoader());

        int loaded = StartupClasses.preload(
                new StringReader("# a comment\n\n" + fixture + "\norg.broadsheet.NoSuchClass\n  java.lang.String  \n"),
                loader);

        assertThat(loaded).isEqualTo(2);
        assertThat(loader.asked).containsExactly(fixture, "org.broadsheet.NoSuchClass", "java.lang.String");
        assertThat(INITIALISED).as("static initialisers run").hasValue(0);
    }

    @Test
    void thePropertyTurnsItOffAndOtherwiseTheThreadLoadsTheListAndEnds() throws Exception {
        Properties off = new Properties();
        off.setProperty(StartupClasses.SWITCH, "false");
        RecordingLoader loader = new RecordingLoader(getClass().getClassLoader());

        assertThat(StartupClasses.preloadInBackground(loader, off)).isEmpty();
        assertThat(loader.asked).isEmpty();

        Optional<Thread> thread = StartupClasses.preloadInBackground(loader, new Properties());
        assertThat(thread).isPresent();
        assertThat(thread.get().isDaemon())
                .as("a daemon: it never holds up the JVM's exit")
                .isTrue();
        thread.get().join(120_000);
        assertThat(thread.get().isAlive()).isFalse();
        assertThat(loader.asked).containsExactlyElementsOf(shippedNames());
    }

    private static boolean ours(String name) {
        return name.startsWith("org.broadsheet.") || name.startsWith("gg.jte.generated.");
    }

    private List<String> missing(List<String> names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            try {
                Class.forName(name, false, getClass().getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add(name);
            }
        }
        return missing;
    }

    private static List<String> shippedNames() throws Exception {
        List<String> names = new ArrayList<>();
        try (InputStream in = StartupClasses.class.getResourceAsStream(StartupClasses.LIST)) {
            assertThat(in).as(StartupClasses.LIST).isNotNull();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            lines.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(names::add);
        }
        return names;
    }

    /** Asks its parent for everything, writing down each name it was asked to load. */
    private static final class RecordingLoader extends ClassLoader {

        final List<String> asked = new CopyOnWriteArrayList<>();

        RecordingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }
}

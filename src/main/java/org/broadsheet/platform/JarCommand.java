package org.broadsheet.platform;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationContext;

/**
 * A command of the jar, {@code java -jar broadsheet.jar NAME [options]}: it runs in an
 * application context with the database and the services but no web server, no schedules and
 * no demo edition, does its job, and its result is the process's exit code ({@link #OK},
 * {@link #FAILED}, {@link #USAGE}).
 */
public interface JarCommand {

    int OK = 0;

    /** The command ran and did not do its job (the reason is on standard error). */
    int FAILED = 1;

    /** The command line was wrong: an unknown command or option, a missing value. */
    int USAGE = 2;

    /** The first argument that names this command. */
    String name();

    /** One line: how the command is called. */
    String usage();

    /**
     * The command's own {@code --option=value} options, which are not Spring properties (every
     * other {@code --name=value} is given to Spring, such as {@code --broadsheet.data-dir=DIR}).
     */
    default Set<String> ownOptions() {
        return Set.of();
    }

    /**
     * The configuration of a small context of the command's own, instead of the whole site's: for
     * a command that must not start the site's services, nor migrate its database, before it has
     * looked at what it is given ({@code restore} wants an empty database). Empty by default.
     */
    default Optional<Class<?>> ownContext() {
        return Optional.empty();
    }

    /**
     * Called with the command line before the context starts (which takes seconds: the database,
     * its migrations, the services), for work that needs none of it and can run meanwhile on a
     * thread of its own, such as a first reading of a file. Nothing by default.
     */
    default void beforeContext(String[] args) {}

    /** Runs the command with the whole command line ({@code args[0]} is its name); returns the exit code. */
    int run(ApplicationContext context, String[] args, PrintStream out, PrintStream err);

    /**
     * The FILE of a command called {@code NAME FILE [--option=value ...]}, made absolute; empty
     * when the command line has another shape (no file, an option first, a second file).
     */
    static Optional<Path> fileArgument(String[] args) {
        if (args.length < 2 || args[1].startsWith("--") || (args.length > 2 && !args[2].startsWith("--"))) {
            return Optional.empty();
        }
        return Optional.of(Path.of(args[1]).toAbsolutePath());
    }
}

package org.broadsheet;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.broadsheet.account.CreateAdminCommand;
import org.broadsheet.backup.BackupCommand;
import org.broadsheet.backup.RestoreCommand;
import org.broadsheet.platform.CommandCompilation;
import org.broadsheet.platform.EarlyEmbeddedPostgres;
import org.broadsheet.platform.JarCommand;
import org.broadsheet.platform.StartupClasses;
import org.broadsheet.wordpress.ExportWxrCommand;
import org.broadsheet.wordpress.ImportWxrCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
public class BroadsheetApplication {

    /** The commands of the jar; with none named (no argument, or only options) the site starts. */
    static final List<JarCommand> COMMANDS = List.of(
            new CreateAdminCommand(),
            new ImportWxrCommand(),
            new ExportWxrCommand(),
            new BackupCommand(),
            new RestoreCommand());

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            Optional<JarCommand> command = command(args[0]);
            if (command.isEmpty()) {
                System.err.println(unknown(args[0]));
                System.exit(JarCommand.USAGE);
            }
            CommandCompilation.limitStartUpCompilation(); // a command's JVM only: not the site's, not the tests'
            System.exit(run(command.get(), args, System.out, System.err));
        }
        // A second thread loads the classes the start-up will load, while the first reads the configuration.
        StartupClasses.preloadInBackground(BroadsheetApplication.class.getClassLoader(), System.getProperties());
        site().run(args);
    }

    /**
     * The site's application, as {@link #main} runs it: the embedded PostgreSQL starts on a thread
     * of its own while Spring reads the configuration ({@link EarlyEmbeddedPostgres}).
     */
    public static SpringApplication site() {
        SpringApplication site = new SpringApplication(BroadsheetApplication.class);
        site.addListeners(new EarlyEmbeddedPostgres());
        return site;
    }

    static Optional<JarCommand> command(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** What an unknown command gets on standard error: the commands there are. */
    static String unknown(String name) {
        return "Unknown command '" + name + "'. The commands are:\n"
                + COMMANDS.stream().map(c -> "  " + c.usage()).collect(Collectors.joining("\n"))
                + "\nWith no command, java -jar broadsheet.jar starts the site.";
    }

    /** Starts a context without the web, runs {@code command} in it and closes it; returns the exit code. */
    public static int run(JarCommand command, String[] args, PrintStream out, PrintStream err) {
        command.beforeContext(args);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        command.ownContext().orElse(BroadsheetApplication.class))
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(springArguments(command, args));
        int code = command.run(context, args, out, err);
        return SpringApplication.exit(context, () -> code);
    }

    /**
     * Only the {@code --name=value} options that are not the command's own are Spring's. The
     * demo edition is never loaded by a command (an argument, so it outranks the properties file).
     */
    static String[] springArguments(JarCommand command, String[] args) {
        return Stream.concat(
                        Stream.of("--broadsheet.demo=false"),
                        Arrays.stream(args)
                                .skip(1)
                                .filter(a -> a.startsWith("--") && a.contains("="))
                                .filter(a -> !command.ownOptions().contains(a.substring(2, a.indexOf('=')))))
                .toArray(String[]::new);
    }
}

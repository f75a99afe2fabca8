package org.broadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.broadsheet.account.CreateAdminCommand;
import org.broadsheet.platform.JarCommand;
import org.junit.jupiter.api.Test;

/**
 * The command line as an operator meets it: {@code main} in a process of its own, on the test
 * class path (the jar's {@code main}), its exit code and what it prints.
 */
class JarCommandLineTests {

    record Outcome(int code, String out, String err) {}

    @Test
    void anUnknownCommandIsRefusedWithTheListAndNeverStartsTheSite() throws Exception {
        Outcome outcome = java("publish-everything", "--server.port=0");

        assertThat(outcome.code()).isEqualTo(JarCommand.USAGE);
        assertThat(outcome.err())
                .contains("Unknown command 'publish-everything'")
                .contains("create-admin --email EMAIL --name NAME");
        assertThat(outcome.out()).doesNotContain("Tomcat").doesNotContain("Started");
    }

    @Test
    void aCommandWithAWrongOptionExitsWithTheUsageCode() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "command-line-");

        Outcome outcome =
                java(CreateAdminCommand.NAME, "--email", "ops@staff.example", "--broadsheet.data-dir=" + data);

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(JarCommand.USAGE);
        assertThat(outcome.err()).contains("--email and --name are required");
    }

    @Test
    void commandOptionsAreNotGivenToSpring() {
        JarCommand command = new CreateAdminCommand();

        assertThat(BroadsheetApplication.springArguments(command, new String[] {
                    "create-admin", "--email=a@b.example", "--name=A B", "--password-stdin", "--broadsheet.data-dir=/d"
                }))
                .containsExactly("--broadsheet.demo=false", "--broadsheet.data-dir=/d");
    }

    /**
     * A command's context runs none of the site's schedules: a long import, backup or restore
     * must not also publish, erase or send (Spring Modulith's moments once turned scheduling on
     * everywhere, and comment data retention fired a minute into an import).
     */
    @Test
    void aCommandRunsNoneOfTheSitesScheduledJobs() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "command-schedules-");
        java.util.concurrent.atomic.AtomicReference<List<String>> scheduled =
                new java.util.concurrent.atomic.AtomicReference<>();
        JarCommand inspect =
                new JarCommand() {
                    @Override
                    public String name() {
                        return "inspect";
                    }

                    @Override
                    public String usage() {
                        return "inspect";
                    }

                    @Override
                    public java.util.Set<String> ownOptions() {
                        return java.util.Set.of();
                    }

                    @Override
                    public int run(
                            org.springframework.context.ApplicationContext context,
                            String[] args,
                            java.io.PrintStream out,
                            java.io.PrintStream err) {
                        scheduled.set(context
                                .getBeansOfType(org.springframework.scheduling.config.ScheduledTaskHolder.class)
                                .values()
                                .stream()
                                .flatMap(holder -> holder.getScheduledTasks().stream())
                                .map(Object::toString)
                                .toList());
                        return JarCommand.OK;
                    }
                };

        int code = BroadsheetApplication.run(
                inspect, new String[] {"inspect", "--broadsheet.data-dir=" + data}, System.out, System.err);

        assertThat(code).isEqualTo(JarCommand.OK);
        assertThat(scheduled.get()).as("scheduled tasks in a command's context").isEmpty();
    }

    private static Outcome java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                BroadsheetApplication.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("command-out", ".txt");
        Path err = Files.createTempFile("command-err", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The command did not exit: " + Files.readString(out));
        }
        return new Outcome(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}

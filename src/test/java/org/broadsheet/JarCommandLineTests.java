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

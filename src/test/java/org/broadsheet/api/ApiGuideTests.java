package org.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.ApiTokens;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.LiveSite;
import org.broadsheet.testkit.SiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The examples of {@code docs/api.md} work: every {@code curl} line of its shell blocks is run
 * with the real {@code curl} against the running test site (its address in place of
 * {@code https://news.example}, an editor's token for {@code EXAMPLE_TOKEN}, and a story of this test's own for {@code EXAMPLE_ID} and
 * {@code EXAMPLE_SLUG}, its version as it is before each line for {@code EXAMPLE_VERSION}), and
 * gets the answer the guide promises; the writes of the guide are then seen on the site.
 */
@BroadsheetTest
class ApiGuideTests extends SiteTest {

    private static final Pattern SHELL_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    @Autowired
    LiveSite live;

    @Autowired
    ApiTokens tokens;

    static List<String> examples() throws IOException {
        String guide = Files.readString(Path.of("docs/api.md"), StandardCharsets.UTF_8);
        List<String> commands = new ArrayList<>();
        Matcher m = SHELL_BLOCK.matcher(guide);
        while (m.find()) {
            for (String line : m.group(1).split("\n")) {
                if (line.startsWith("curl ")) {
                    commands.add(line);
                }
            }
        }
        return commands;
    }

    @Test
    void everyCurlExampleOfTheGuideRunsAndGetsItsAnswer() throws Exception {
        ArticleView story = commenting.article("The harbour reopens");
        String origin = live.uri("").toString();
        String token = tokens.create(staff.create(Role.EDITOR).staff(), "Guide");
        List<String> commands = examples();
        assertThat(commands).hasSizeGreaterThanOrEqualTo(15);
        for (String example : commands) {
            String command = example.replace("https://news.example", origin)
                    .replace("EXAMPLE_ID", String.valueOf(story.id()))
                    .replace("EXAMPLE_SLUG", story.slug())
                    .replace("EXAMPLE_TOKEN", token)
                    .replace(
                            "EXAMPLE_VERSION",
                            String.valueOf(desk.forEditing(story.id()).version()));
            String out = run(command);
            if (example.contains("If-None-Match")) {
                assertThat(out).as(example).isEqualTo("200\n");
            } else if (example.contains("-D -")) {
                assertThat(out).as(example).startsWith("HTTP/1.1 200").contains("rel=\"next\"", "ETag:");
            } else if (example.contains("yesterday")) {
                assertThat(out).as(example).contains("\"status\":400", "\"field\":\"published_since\"");
            } else {
                assertThat(out).as(example).startsWith("{").doesNotContain("\"status\":4");
            }
        }
        assertThat(desk.lookup("Ferries run late into the night", 1)).hasSize(1);
        var written = desk.forEditing(story.id());
        assertThat(written.form().headline()).isEqualTo("The harbour reopens at dawn");
        assertThat(written.notes()).hasSize(1);
        assertThat(site.page(written.publicUrl()).select("h1").text()).isEqualTo("The harbour reopens at dawn");
    }

    /** What {@code command} (a curl line of the guide, single quotes only) prints, run by sh. */
    private static String run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", command)
                .redirectErrorStream(true)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(command).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}

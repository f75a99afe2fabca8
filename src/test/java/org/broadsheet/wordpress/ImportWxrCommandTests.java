package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.broadsheet.BroadsheetApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code import-wxr} as the jar runs it, in a context without the web and a data directory of
 * its own: hostile files are refused with exit 1, their line and column, and no change; a
 * secret named by an external entity appears nowhere (output, report, database).
 */
class ImportWxrCommandTests {

    static ConfigurableApplicationContext context;
    static Path data;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(Path.of("target"));
        data = Files.createTempDirectory(Path.of("target"), "import-wxr-").resolve("data");
        context = new SpringApplicationBuilder(BroadsheetApplication.class)
                .web(WebApplicationType.NONE)
                .run("--broadsheet.demo=false", "--broadsheet.data-dir=" + data, "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    record Outcome(int code, String out, String err) {}

    Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ImportWxrCommand command = new ImportWxrCommand();
        command.beforeContext(args); // as the jar does: the first reading starts ahead, and is taken up
        int code = command.run(
                context,
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesEveryHostileFileWithLineAndColumnAndChangesNothing() throws Exception {
        Path secret = data.getParent().resolve("secret.txt");
        Files.writeString(secret, "SECRET-PASSPHRASE-7731");
        String good = WxrReaderTests.HEAD
                + WxrReaderTests.ITEM.replace("<wp:post_id>7", "<wp:post_type>post</wp:post_type><wp:post_id>7");
        String[] hostile = {
            good + "<item><title>cut off", // truncated
            good.replace("</title>", "</titel>") + "</channel></rss>", // malformed
            "<html><body>not a feed</body></html>", // wrong root
            "PK\\u0003\\u0004 not xml", // not XML
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <rss><channel><title>&c;</title></channel></rss>""",
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
            <rss><channel><title>&xxe;</title></channel></rss>""".formatted(secret.toUri()),
        };
        long articles = count("article");
        for (String text : hostile) {
            Path file = data.getParent().resolve("hostile.xml");
            Files.writeString(file, text);
            Outcome outcome = run("import-wxr", file.toString());
            assertThat(outcome.code()).as(text).isEqualTo(1);
            assertThat(outcome.err()).as(text).containsPattern("line [0-9]+, column [0-9]+: ");
            assertThat(outcome.out() + outcome.err()).doesNotContain("SECRET-PASSPHRASE");
        }
        assertThat(count("article")).isEqualTo(articles);
        assertThat(count("wordpress_item")).isZero();
        String everything = new JdbcClient[] {context.getBean(JdbcClient.class)}
                [0].sql("select count(*) from article where body_markdown like '%SECRET%' or headline like '%SECRET%'")
                .query(Long.class)
                .single()
                .toString();
        assertThat(everything).isEqualTo("0");
    }

    @Test
    void importsAFileAndWritesTheReportBesideTheDataDirectory() throws Exception {
        Path file = data.getParent().resolve("small.xml");
        Files.writeString(file, WxrReaderTests.HEAD + """
                <wp:author><wp:author_login>cmd</wp:author_login><wp:author_display_name>Cee Emdee</wp:author_display_name></wp:author>
                <item><title>Hello from the command</title><dc:creator>cmd</dc:creator><link>https://old.example/hello/</link>
                <content:encoded>Hi.</content:encoded><wp:post_id>1</wp:post_id><wp:post_name>hello-cmd</wp:post_name>
                <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
                <wp:post_date_gmt>2023-01-02 03:04:05</wp:post_date_gmt></item></channel></rss>""");

        Outcome dry = run("import-wxr", file.toString(), "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(count("wordpress_item")).isZero();

        Outcome outcome = run("import-wxr", file.toString());
        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("1/1 items").containsPattern("post +1 +0 +0 +0");
        // The command leaves the story's search vector to the site, and says so.
        assertThat(outcome.out()).contains("Search: 1 story waits to be indexed. The site indexes");
        assertThat(context.getBean(JdbcClient.class)
                        .sql("select count(*) from article where search_vector is null and slug = 'hello-cmd'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        try (var beside = Files.list(data.getParent())) {
            assertThat(beside.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("data-wordpress-import-") && n.endsWith(".txt"));
        }
        assertThat(run("import-wxr").code()).isEqualTo(2);
        assertThat(run("import-wxr", file.toString(), "--bogus").code()).isEqualTo(2);
        assertThat(run("import-wxr", file.toString(), "--pages", "no-such-section")
                        .code())
                .isEqualTo(1);
    }

    private static long count(String table) {
        return context.getBean(JdbcClient.class)
                .sql("select count(*) from " + table)
                .query(Long.class)
                .single();
    }
}

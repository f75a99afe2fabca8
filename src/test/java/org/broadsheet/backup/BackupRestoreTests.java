package org.broadsheet.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.BroadsheetApplication;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.LeadImage;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.media.MediaItem;
import org.broadsheet.platform.JarCommand;
import org.broadsheet.platform.PlatformSettings;
import org.broadsheet.site.SiteIdentities;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.Images;
import org.broadsheet.testkit.LiveSite;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.StaffMembers;
import org.broadsheet.testkit.Unique;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.SiteIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A backup of a running site, restored into an empty data directory, gives the same site: the
 * same pages byte for byte (tokens and cache headers aside), the same media, staff who sign in
 * with their passwords. This class has an application context (and a database) of its own, since
 * it renames the site, with a data directory of its own.
 */
@BroadsheetTest
class BackupRestoreTests extends SiteTest {

    /** Pages' absolute links name it, on both sites, rather than each one's port. */
    static final String SITE_URL = "broadsheet.site.url=https://harbour.example";

    /** What differs per render or per node and is no content: form and CSRF tokens. */
    private static final Pattern TOKENS = Pattern.compile("(name=\"(?:_csrf|token)\" value=\")[^\"]*\"");

    /**
     * One data directory, named once: the test properties' {@code ${random.uuid}} would give the
     * database and the media store a directory each (every use draws a new one), and a backup
     * reads both from one.
     */
    private static final Path DATA_DIR = Path.of("target", "test-data", "backup-" + UUID.randomUUID());

    @DynamicPropertySource
    static void ownSite(DynamicPropertyRegistry properties) {
        properties.add("broadsheet.data-dir", DATA_DIR::toString);
        properties.add("broadsheet.site.url", () -> SITE_URL.substring(SITE_URL.indexOf('=') + 1));
    }

    @Autowired
    LiveSite live;

    @Autowired
    Images images;

    @Autowired
    SiteIdentities identities;

    @Autowired
    PlatformSettings platform;

    @TempDir
    Path temp;

    record Outcome(int code, String out, String err) {}

    @Test
    void aRestoredSiteServesTheSamePagesAndItsStaffSignIn() throws Exception {
        identities.update(new SiteIdentity("The Harbour Gazette", "News from the quays, daily"));
        MediaItem photo = images.jpeg(1200, 800, "Gulls over the breakwater");
        ArticleView target = stories.publish(stories.form(Unique.name("Ferry timetable changes")));
        ArticleView story = stories.publish(stories.form(Unique.name("Storm closes the harbour"))
                .withBody("""
                        The harbour master shut the outer gates at dawn.

                        [[related: %s]]

                        Fishing boats stayed at their moorings all day.

                        [[read-more: %s]]
                        """.formatted(target.slug(), target.id()))
                .withImage(LeadImage.fromLibrary(photo.image(), "Gulls over the breakwater", "At noon", "Staff")));
        long first = comments.post(story, Comments.comment("Ada Quay", "The gates held well."), Comments.visitor())
                .id();
        comments.post(story, Comments.reply("Ben Wharf", "They did, this time.", first), Comments.visitor());
        comments.importComment(
                story.id(),
                Comments.comment("Cy Held", "Waiting for a moderator."),
                CommentStatus.PENDING,
                Instant.now());
        StaffMembers.Member editor = staff.create(Role.EDITOR);
        List<String> paths = List.of(
                "/",
                story.url(),
                target.url(),
                "/americas",
                "/search?q=harbour",
                photo.image().src(),
                "/feed");

        Path archive = temp.resolve("site.zip");
        Outcome backup = command(new BackupCommand(), archive, dataDir());
        assertThat(backup.code()).as(backup.err()).isEqualTo(JarCommand.OK);
        assertThat(backup.out()).contains("Backed up the running site's database");

        Path restored = temp.resolve("restored");
        Outcome restore = command(new RestoreCommand(), archive, restored);
        assertThat(restore.code()).as(restore.err()).isEqualTo(JarCommand.OK);

        try (ConfigurableApplicationContext copy = SpringApplication.run(
                org.broadsheet.BroadsheetApplication.class,
                "--server.port=0",
                "--spring.profiles.active=test",
                "--broadsheet.demo=false",
                "--" + SITE_URL,
                "--broadsheet.data-dir=" + restored)) {
            URI site = URI.create("http://localhost:" + copy.getEnvironment().getProperty("local.server.port"));
            for (String path : paths) {
                HttpResponse<byte[]> original = live.get(path);
                HttpResponse<byte[]> again = get(site.resolve(path));
                assertThat(again.statusCode())
                        .as(path)
                        .isEqualTo(original.statusCode())
                        .isEqualTo(200);
                assertThat(withoutTokens(again.body())).as(path).isEqualTo(withoutTokens(original.body()));
            }
            assertThat(signIn(site, editor)).contains("Waiting for a moderator.");
        }

        Outcome twice = command(new RestoreCommand(), archive, restored);
        assertThat(twice.code()).isEqualTo(JarCommand.FAILED);
        assertThat(twice.err()).contains("Restore refused, nothing was written").contains("is not empty");
    }

    @Test
    void restoreRefusesADamagedNewerOrForeignArchiveBeforeWritingAnything() throws Exception {
        Path archive = temp.resolve("good.zip");
        assertThat(command(new BackupCommand(), archive, dataDir()).code()).isEqualTo(JarCommand.OK);

        DamagedArchives.assertRefused(
                DamagedArchives.foreign(temp), temp.resolve("t1"), "Not a Broadsheet backup, or a truncated one");
        DamagedArchives.assertRefused(
                DamagedArchives.truncated(archive, temp), temp.resolve("t2"), "is not a whole zip file");
        DamagedArchives.assertRefused(
                DamagedArchives.flipped(archive, temp), temp.resolve("t3"), "database/article.tsv is damaged");
        DamagedArchives.assertRefused(
                DamagedArchives.newer(archive, temp),
                temp.resolve("t4"),
                "made by a newer Broadsheet (schema version 999");
        DamagedArchives.assertRefused(temp.resolve("missing.zip"), temp.resolve("t5"), "There is no file");

        Outcome running = command(new RestoreCommand(), archive, dataDir());
        assertThat(running.code()).isEqualTo(JarCommand.FAILED);
        assertThat(running.err()).contains("is in use by a running Broadsheet");
    }

    @Test
    void anOnlineBackupIsOneSnapshotWhileReadersReadAndStoriesAreWritten() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger pagesRead = new AtomicInteger();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        List<Long> written = new CopyOnWriteArrayList<>();
        ExecutorService load = Executors.newFixedThreadPool(3);
        try {
            for (int i = 0; i < 2; i++) {
                load.submit(() -> {
                    while (!stop.get()) {
                        statuses.add(live.get("/").statusCode());
                        pagesRead.incrementAndGet();
                    }
                });
            }
            Future<?> writer = load.submit(() -> {
                while (!stop.get()) {
                    written.add(stories.draft(stories.form(Unique.name("Tide tables"))));
                }
                return null;
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (written.size() < 3 && !writer.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (writer.isDone()) {
                writer.get(); // throws what stopped the writer
            }
            assertThat(written).as("stories written before the backup").hasSizeGreaterThanOrEqualTo(3);
            int before = written.size();
            Path archive = temp.resolve("online.zip");
            Outcome backup = command(new BackupCommand(), archive, dataDir());
            int after = written.size();
            stop.set(true);
            assertThat(backup.code()).as(backup.err()).isEqualTo(JarCommand.OK);
            assertThat(after - before).as("stories written during the backup").isPositive();

            Map<String, Set<String>> ids = OnlineSnapshot.ids(archive);
            assertThat(ids.get("article_slug"))
                    .as("slugs of articles in the archive")
                    .isEqualTo(ids.get("article"));
            assertThat(ids.get("article")).as("articles with their revisions").containsAll(ids.get("article_revision"));
            assertThat(ids.get("article")).contains(String.valueOf(written.get(before - 1)));
        } finally {
            stop.set(true);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(pagesRead.get()).isPositive();
        assertThat(statuses).containsOnly(200);
    }

    @Test
    void aBackupCommandInAProcessOfItsOwnJoinsTheRunningSite() throws Exception {
        Path archive = temp.resolve("from-outside.zip");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        BroadsheetApplication.class.getName(),
                        BackupCommand.NAME,
                        archive.toString(),
                        "--broadsheet.data-dir=" + dataDir().toAbsolutePath())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(JarCommand.OK);
        assertThat(output).contains("Backed up the running site's database");
        assertThat(OnlineSnapshot.ids(archive).get("article")).isNotEmpty();
    }

    /** Signs in through the form on {@code site}; returns the moderation queue the member then sees. */
    private static String signIn(URI site, StaffMembers.Member member) throws Exception {
        HttpClient browser = LiveSite.browser();
        String form = browser.send(
                        HttpRequest.newBuilder(site.resolve(NewsroomUrls.SIGN_IN))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("the sign-in form's CSRF field").isTrue();
        String fields =
                "email=" + enc(member.email()) + "&password=" + enc(member.password()) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(site.resolve(NewsroomUrls.SIGN_IN))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", site.toString())
                        .POST(HttpRequest.BodyPublishers.ofString(fields))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith(NewsroomUrls.HOME);
        HttpResponse<String> queue = browser.send(
                HttpRequest.newBuilder(site.resolve(NewsroomUrls.COMMENTS + "?status=pending"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(queue.statusCode()).isEqualTo(200);
        return queue.body();
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> get(URI uri) throws Exception {
        return LiveSite.browser()
                .send(
                        HttpRequest.newBuilder(uri)
                                .header("Accept", "text/html")
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String withoutTokens(byte[] body) {
        return TOKENS.matcher(new String(body, StandardCharsets.ISO_8859_1)).replaceAll("$1…\"");
    }

    Path dataDir() {
        return platform.dataDir();
    }

    static Outcome command(JarCommand command, Path archive, Path dataDir) {
        return command(command, archive.toString(), "--broadsheet.data-dir=" + dataDir);
    }

    /** Runs {@code command} in this JVM as the jar's {@code main} would, with these arguments after its name. */
    static Outcome command(JarCommand command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] line = new String[args.length + 1];
        line[0] = command.name();
        System.arraycopy(args, 0, line, 1, args.length);
        int code = BroadsheetApplication.run(
                command,
                line,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static boolean isEmpty(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return true;
        }
        try (var list = Files.list(dir)) {
            return list.findAny().isEmpty();
        }
    }
}

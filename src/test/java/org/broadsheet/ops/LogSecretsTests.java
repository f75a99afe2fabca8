package org.broadsheet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.ApiTokens;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.LiveSite;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.StaffMembers;
import org.broadsheet.testkit.Unique;
import org.broadsheet.web.NewsroomUrls;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * No secret reaches a log line, with the application's and Spring's own loggers at DEBUG and
 * the access log on: a run over HTTP that fails to sign in, signs in, opens a newsroom page
 * with its session, posts a comment with an email, and calls the API with a good and a bad
 * token. Then the console output and the access log are searched for every secret used: the
 * passwords, the emails, the token, the session cookie and the id in it, the CSRF token in both
 * its forms. The access log must hold a line for each request, in the combined log format, each
 * with its request id in the console lines it caused.
 */
@BroadsheetTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            "server.tomcat.accesslog.enabled=true",
            "server.tomcat.accesslog.buffered=false",
            "logging.level.org.broadsheet=DEBUG",
            "logging.level.org.springframework.security=DEBUG",
            "logging.level.org.springframework.web=DEBUG",
            "logging.level.org.springframework.session=DEBUG"
        })
class LogSecretsTests extends SiteTest {

    private static final Path ACCESS_LOGS =
            Path.of("target", "access-logs", UUID.randomUUID().toString()).toAbsolutePath();

    @DynamicPropertySource
    static void accessLogs(DynamicPropertyRegistry registry) {
        registry.add("server.tomcat.accesslog.directory", ACCESS_LOGS::toString);
    }

    @Autowired
    LiveSite live;

    @Autowired
    ApiTokens tokens;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final List<String> secrets = new ArrayList<>();

    @Test
    void noSecretUsedInARunReachesTheLogs(CapturedOutput output) throws Exception {
        StaffMembers.Member editor = staff.create(Role.EDITOR);
        String csrf = UUID.randomUUID().toString();
        String maskedCsrf = masked(csrf);
        String wrongPassword = "Wrong-" + UUID.randomUUID();
        secrets.addAll(List.of(editor.email(), editor.password(), wrongPassword, csrf, maskedCsrf));

        HttpResponse<String> refused = signIn(editor.email(), wrongPassword, csrf, maskedCsrf);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Set-Cookie").orElse("")).doesNotContain("SESSION=");

        HttpResponse<String> signedIn = signIn(editor.email(), editor.password(), csrf, maskedCsrf);
        String session = cookie(signedIn, "SESSION");
        secrets.add(session);
        secrets.add(new String(Base64.getDecoder().decode(session), StandardCharsets.UTF_8));
        assertThat(send(HttpRequest.newBuilder(live.uri(NewsroomUrls.HOME))
                                .header("Cookie", "SESSION=" + session)
                                .header("X-Request-Id", "newsroom-visit"))
                        .statusCode())
                .isEqualTo(200);

        String commenter = Unique.email("logged");
        secrets.add(commenter);
        assertThat(postComment(commenter).statusCode()).isEqualTo(303);

        String token = tokens.create(editor.staff(), "Logs");
        secrets.add(token);
        assertThat(api("Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(api("Bearer bst_" + token.substring(4, 20)).statusCode()).isEqualTo(401);
        secrets.add(token.substring(4, 20));

        String link = "link" + UUID.randomUUID().toString().replace("-", "");
        String query = "q" + UUID.randomUUID().toString().replace("-", "");
        // Spring's own DEBUG lines print request addresses as they came: these two are checked
        // in the access log, whose lines say addresses at every level (docs/operations.md, Logging).
        List<String> inAddresses = List.of(link, query);
        send(HttpRequest.newBuilder(live.uri(NewsroomUrls.password(link))));
        send(HttpRequest.newBuilder(live.uri("/search?q=harbour&token=" + query)));

        String console = output.getAll();
        String access = accessLog(9);
        List<String> leaks = Stream.concat(console.lines(), access.lines())
                .filter(line -> secrets.stream().anyMatch(line::contains))
                .toList();
        assertThat(leaks).as("log lines holding a secret").isEmpty();
        assertThat(access.lines().filter(line -> inAddresses.stream().anyMatch(line::contains)))
                .as("access log lines holding a secret")
                .isEmpty();
        assertThat(console)
                .as("the console output says what happened, with request ids")
                .contains("[newsroom-visit]");
        assertThat(access)
                .containsPattern(
                        "(?m)^\\S+ - - \\[[^]]+] \"POST /newsroom/sign-in HTTP/1.1\" 302 \\S+ \"-\" \"\\S.*\"$")
                .contains("\"GET /api/v1/me HTTP/1.1\" 401 ")
                .contains("\"GET /newsroom/password/*** HTTP/1.1\"", "\"GET /search?q=harbour&token=*** HTTP/1.1\"");
    }

    private HttpResponse<String> signIn(String email, String password, String csrf, String maskedCsrf)
            throws Exception {
        return send(HttpRequest.newBuilder(live.uri(NewsroomUrls.SIGN_IN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "XSRF-TOKEN=" + csrf)
                .POST(form(Map.of("email", email, "password", password, "_csrf", maskedCsrf))));
    }

    private HttpResponse<String> postComment(String email) throws Exception {
        ArticleView story = commenting.article("Logged without secrets");
        String page = new String(live.get(URI.create(story.url()).getPath()).body(), StandardCharsets.UTF_8);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : Jsoup.parse(page).select("#comment-form input[type=hidden]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        fields.put("name", "Careful Reader");
        fields.put("email", email);
        fields.put("comment", "Nothing of mine should be written down but this.");
        secrets.add(fields.get("token"));
        return send(HttpRequest.newBuilder(live.uri("/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", live.uri("").toString())
                .header("Sec-Fetch-Site", "same-origin")
                .POST(form(fields)));
    }

    private HttpResponse<String> api(String authorization) throws Exception {
        return send(HttpRequest.newBuilder(live.uri("/api/v1/me")).header("Authorization", authorization));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie: " + response.headers()));
    }

    /** The access log once it holds at least {@code lines} lines (Tomcat writes it after the response). */
    private static String accessLog(int lines) throws Exception {
        String text = "";
        for (int i = 0; i < 50; i++) {
            try (Stream<Path> files = Files.exists(ACCESS_LOGS) ? Files.list(ACCESS_LOGS) : Stream.empty()) {
                text = files.map(LogSecretsTests::read).collect(Collectors.joining());
            }
            if (text.lines().count() >= lines) {
                return text;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the access log in " + ACCESS_LOGS + " holds only: " + text);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The CSRF token as the sign-in form carries it (Spring Security's BREACH masking). */
    private static String masked(String token) {
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        byte[] random = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
        byte[] combined = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            combined[i] = random[i % random.length];
            combined[bytes.length + i] = (byte) (combined[i] ^ bytes[i]);
        }
        return Base64.getUrlEncoder().encodeToString(combined);
    }
}

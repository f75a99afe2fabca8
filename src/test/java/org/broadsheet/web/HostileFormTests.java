package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.broadsheet.ProxiedSiteTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.comment.FormTokens;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.HostileInput;
import org.broadsheet.testkit.JqwikSpring;
import org.broadsheet.testkit.RawHttp;
import org.jsoup.Jsoup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public forms under generated hostile input, 1,000 requests each, over a real connection:
 * the comment form, the search and the sign-in. Fields repeated, missing, of the wrong kind,
 * huge, in bytes that are not UTF-8, with odd content types; half of the comment posts carry a
 * valid article and form token, and half of the sign-ins a valid CSRF token, so that the input
 * reaches the rules and not only the first check. Never a 5xx, always the security headers; a
 * refused comment stores nothing and no sign-in succeeds; and the site still answers afterwards.
 */
@ProxiedSiteTest
class HostileFormTests {

    private static final List<String> COMMENT_FIELDS =
            List.of("article", "token", "subject", "name", "email", "website", "comment", "parent", "remember");
    private static final List<String> SEARCH_FIELDS = List.of("q", "section", "from", "to", "page");
    private static final List<String> SIGN_IN_FIELDS = List.of("email", "password", "_csrf", "remember-me");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=ISO-8859-1",
            "application/x-www-form-urlencoded; charset=no-such-charset",
            "multipart/form-data; boundary=hostile",
            "multipart/form-data",
            "application/json",
            "text/plain",
            "");

    /** One generated post: its own fields, whether valid ones go first, how it is sent. */
    record Post(boolean validStart, byte[] fields, String contentType, boolean forwarded) {}

    @LocalServerPort
    int port;

    @Value("${local.management.port}")
    int managementPort;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Comments commenting;

    @Autowired
    FormTokens tokens;

    private RawHttp http;

    @BeforeProperty
    void connect() {
        JqwikSpring.inject(this);
        http = new RawHttp(port);
    }

    @AfterProperty
    void siteStillAnswers() {
        // bytes beyond the answers read (more than one answer to a request) are shown in the log
        http.unread().ifPresent(rest -> System.err.println("Unread on the hostile connection: " + rest));
        http.close();
        SiteHealth.assertHealthy(port, managementPort);
    }

    @Property(tries = 1000)
    void commentPostsAreAnsweredAndRefusalsStoreNothing(@ForAll("posts") Post post) {
        ArticleView article = article();
        long before = count("comment");
        byte[] fields = post.validStart()
                ? prefixed(
                        "article=" + article.id() + "&token="
                                + tokens.issue(article.id(), Instant.now().minusSeconds(10)) + "&subject=&",
                        post.fields())
                : post.fields();
        RawHttp.Answer answer = http.send(post("/comments", fields, post, "Sec-Fetch-Site: same-origin"));
        assertAnswered(answer, "POST /comments " + printable(fields));
        if (answer.status() != 303) {
            assertThat(count("comment")).as("comments after a refusal").isEqualTo(before);
        }
    }

    @Property(tries = 1000)
    void searchesAreAnswered(@ForAll("searches") byte[] target) {
        assertAnswered(http.send(RawHttp.request("GET", target, List.of(), new byte[0])), "GET " + printable(target));
    }

    @Property(tries = 1000)
    void signInsAreRefusedAndAnswered(@ForAll("signIns") Post post) {
        long staff = count("staff_user");
        List<String> headers = new ArrayList<>();
        byte[] fields = post.fields();
        if (post.validStart()) {
            RawHttp.Answer form = http.send(RawHttp.request("GET", "/newsroom/sign-in", List.of(), new byte[0]));
            String cookie = form.all("set-cookie").stream()
                    .filter(c -> c.startsWith("XSRF-TOKEN="))
                    .findFirst()
                    .orElseThrow();
            headers.add("Cookie: " + cookie.substring(0, cookie.indexOf(';')));
            String csrf = Jsoup.parse(form.text()).select("input[name=_csrf]").val();
            fields = prefixed("_csrf=" + csrf + "&", fields);
        }
        RawHttp.Answer answer = http.send(post("/newsroom/sign-in", fields, post, headers.toArray(String[]::new)));
        assertAnswered(answer, "POST /newsroom/sign-in " + printable(fields));
        assertThat(answer.all("set-cookie")).as("a session").noneMatch(c -> c.startsWith("SESSION="));
        assertThat(answer.header("location").orElse(""))
                .as("signed in")
                .isNotIn("/newsroom", "http://localhost/newsroom", "http://localhost:" + port + "/newsroom");
        assertThat(count("staff_user")).isEqualTo(staff);
    }

    @Provide
    Arbitrary<Post> posts() {
        return posts(COMMENT_FIELDS);
    }

    @Provide
    Arbitrary<Post> signIns() {
        return posts(SIGN_IN_FIELDS);
    }

    @Provide
    Arbitrary<byte[]> searches() {
        Arbitrary<String> path = Arbitraries.of("/search", "/search/", "/search;x=1", "/search/..;/search", "//search");
        return Combinators.combine(path, HostileInput.parameters(SEARCH_FIELDS))
                .as((p, query) -> prefixed(p + "?", HostileInput.requestLine(query)));
    }

    private static Arbitrary<Post> posts(List<String> fields) {
        Arbitrary<byte[]> body = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, HostileInput.parameters(fields)),
                net.jqwik.api.Tuple.of(1, HostileInput.bytes(4096)));
        return Combinators.combine(
                        Arbitraries.of(true, false), body, Arbitraries.of(CONTENT_TYPES), Arbitraries.of(true, false))
                .as(Post::new);
    }

    /** The article posted to: one per property, made on first use. */
    private ArticleView article;

    private ArticleView article() {
        if (article == null) {
            article = commenting.article("A story open to hostile comments");
        }
        return article;
    }

    private static byte[] post(String path, byte[] body, Post post, String... extra) {
        List<String> headers = new ArrayList<>(List.of(extra));
        if (!post.contentType().isEmpty()) {
            headers.add("Content-Type: " + post.contentType());
        }
        if (post.forwarded()) { // through the trusted proxy, from an address of its own: no flood limit shared
            ThreadLocalRandom random = ThreadLocalRandom.current();
            headers.add("X-Forwarded-For: 10." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + (1 + random.nextInt(254)));
        }
        return RawHttp.request("POST", path.getBytes(StandardCharsets.US_ASCII), headers, body);
    }

    static void assertAnswered(RawHttp.Answer answer, String request) {
        assertThat(answer.status()).as(request).isBetween(200, 499);
        assertThat(SecurityHeaderChecks.problems(answer)).as(request).isEmpty();
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return count == null ? 0 : count;
    }

    static byte[] prefixed(String start, byte[] rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(start.length() + rest.length);
        out.writeBytes(start.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(rest);
        return out.toByteArray();
    }

    /** The request's first bytes, for a failure's message. */
    static String printable(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.ISO_8859_1);
        return text.replaceAll("[^\\x20-\\x7e]", "?") + (bytes.length > 300 ? "… (" + bytes.length + " bytes)" : "");
    }
}

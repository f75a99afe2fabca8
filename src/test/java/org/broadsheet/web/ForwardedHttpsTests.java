package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.broadsheet.ProxiedSiteTest;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleView;
import org.broadsheet.comment.FormTokens;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.RawHttp;
import org.broadsheet.testkit.StaffMembers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Behind a TLS proxy ({@code broadsheet.proxies}, 127.0.0.1 in these tests), a request the proxy
 * marks {@code X-Forwarded-Proto: https} is an HTTPS request: HSTS on every answer (pages, page-cache
 * hits, error pages, media, the API) and {@code Secure} cookies (the CSRF token, the staff session,
 * the comment cookies). The same headers from any other address (127.0.0.2, loopback too) change
 * nothing: no HSTS, no {@code Secure}, and the client's address is the connection's.
 */
@ProxiedSiteTest
class ForwardedHttpsTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @LocalServerPort
    int port;

    @Autowired
    StaffMembers staff;

    @Autowired
    Comments commenting;

    @Autowired
    FormTokens tokens;

    @Autowired
    JdbcTemplate jdbc;

    private final List<RawHttp> connections = new ArrayList<>();

    @AfterEach
    void close() {
        connections.forEach(RawHttp::close);
    }

    @Test
    void httpsFromTheProxyGetsHstsOnEveryKindOfAnswer() {
        RawHttp proxy = connection("127.0.0.1");
        for (String path : List.of(
                "/", "/", "/no-such-page", "/world/%FF", "/api/v1/articles", "/api/v1/articles/0", "/robots.txt")) {
            RawHttp.Answer answer = proxy.send(get(path, "X-Forwarded-Proto: https"));
            assertThat(answer.header("strict-transport-security"))
                    .as("HSTS on " + path + " (" + answer.status() + ")")
                    .contains(SecurityHeaders.STRICT_TRANSPORT_SECURITY);
        }
    }

    @Test
    void plainHttpGetsNoHstsNotEvenFromAPageRenderedForHttps() {
        RawHttp proxy = connection("127.0.0.1");
        proxy.send(get("/search?q=hsts-kept", "X-Forwarded-Proto: https"));
        for (String path : List.of("/search?q=hsts-kept", "/", "/no-such-page", "/world/%FF", "/api/v1/articles")) {
            assertThat(proxy.send(get(path)).header("strict-transport-security"))
                    .as(path)
                    .isEmpty();
        }
    }

    @Test
    void httpsFromElsewhereChangesNothing() {
        RawHttp stranger = connection("127.0.0.2");
        for (String path : List.of("/", "/no-such-page", "/world/%FF", "/api/v1/articles")) {
            assertThat(stranger.send(get(path, "X-Forwarded-Proto: https")).header("strict-transport-security"))
                    .as(path)
                    .isEmpty();
        }
        RawHttp.Answer signIn = stranger.send(get("/newsroom/sign-in", "X-Forwarded-Proto: https"));
        assertThat(cookie(signIn, "XSRF-TOKEN")).doesNotContainIgnoringCase("secure");
    }

    @Test
    void signingInOverHttpsGivesSecureCookies() {
        RawHttp proxy = connection("127.0.0.1");
        String client = "X-Forwarded-For: 198.51.100." + ADDRESSES.incrementAndGet();
        RawHttp.Answer form = proxy.send(get("/newsroom/sign-in", "X-Forwarded-Proto: https", client));
        String csrfCookie = cookie(form, "XSRF-TOKEN");
        assertThat(csrfCookie).contains("Secure");
        String csrf = Jsoup.parse(form.text()).select("input[name=_csrf]").val();
        StaffMembers.Member member = staff.create(Role.EDITOR);
        RawHttp.Answer signedIn = proxy.send(post(
                "/newsroom/sign-in",
                Map.of("email", member.email(), "password", member.password(), "_csrf", csrf),
                "X-Forwarded-Proto: https",
                client,
                "Cookie: " + csrfCookie.substring(0, csrfCookie.indexOf(';'))));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(cookie(signedIn, "SESSION")).contains("Secure").contains("HttpOnly");
        assertThat(signedIn.header("strict-transport-security")).isPresent();
    }

    @Test
    void aCommentOverHttpsGetsSecureCookiesAndTheProxysClientAddress() {
        ArticleView article = commenting.article("Cookies that only travel over HTTPS");
        RawHttp.Answer posted = connection("127.0.0.1")
                .send(comment(article, "Noted over TLS.", "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.7"));
        assertThat(posted.status()).isEqualTo(303);
        assertThat(cookie(posted, "comment_author")).contains("Secure");
        assertThat(storedAddress(article)).isEqualTo("203.0.113.7");
    }

    @Test
    void aCommentFromElsewhereKeepsTheConnectionsAddressAndPlainCookies() {
        ArticleView article = commenting.article("Headers a stranger cannot borrow");
        RawHttp.Answer posted = connection("127.0.0.2")
                .send(comment(article, "Claiming TLS.", "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.8"));
        assertThat(posted.status()).isEqualTo(303);
        assertThat(cookie(posted, "comment_author")).doesNotContainIgnoringCase("secure");
        assertThat(storedAddress(article)).isEqualTo("127.0.0.2");
    }

    private byte[] comment(ArticleView article, String text, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        all.add("Sec-Fetch-Site: same-origin");
        return post(
                "/comments",
                Map.of(
                        "article",
                        String.valueOf(article.id()),
                        "token",
                        tokens.issue(article.id(), Instant.now().minusSeconds(10)),
                        "subject",
                        "",
                        "name",
                        "Ines Varga",
                        "email",
                        Comments.email(),
                        "comment",
                        text,
                        "remember",
                        "1"),
                all.toArray(String[]::new));
    }

    private String storedAddress(ArticleView article) {
        return jdbc.queryForObject("select host(ip) from comment where article_id = ?", String.class, article.id());
    }

    private RawHttp connection(String local) {
        try {
            RawHttp http = new RawHttp(port, InetAddress.getByName(local));
            connections.add(http);
            return http;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code Set-Cookie} value of cookie {@code name}. */
    private static String cookie(RawHttp.Answer answer, String name) {
        return answer.all("set-cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + answer.headers()));
    }

    private static byte[] get(String path, String... headers) {
        return RawHttp.request("GET", path, List.of(headers), new byte[0]);
    }

    private static byte[] post(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        List<String> all = new ArrayList<>(List.of(headers));
        all.add("Content-Type: application/x-www-form-urlencoded");
        return RawHttp.request("POST", path, all, body.getBytes(StandardCharsets.UTF_8));
    }
}

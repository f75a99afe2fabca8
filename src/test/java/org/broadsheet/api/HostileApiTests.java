package org.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.broadsheet.ProxiedSiteTest;
import org.broadsheet.account.ApiTokens;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.HostileInput;
import org.broadsheet.testkit.JqwikSpring;
import org.broadsheet.testkit.RawHttp;
import org.broadsheet.testkit.StaffMembers;
import org.broadsheet.web.SecurityHeaderChecks;
import org.broadsheet.web.SiteHealth;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API route ({@link ApiRoutes}, so a new one cannot be missed) under 1,000 generated
 * hostile requests: each try's parts fill a request to every route. Path variables that are not ids, huge,
 * traversal or not UTF-8; queries with repeated and undecodable parameters; JSON of the wrong
 * types, cut short, nested too deep, or random bytes; odd content types and methods; no token, a
 * forged one, or an administrator's (so writes reach the rules). Never a 5xx, always the security
 * headers, and a refused write changes nothing the site stores; the site answers afterwards.
 */
@ProxiedSiteTest
class HostileApiTests {

    private static final List<String> QUERY = List.of(
            "limit",
            "cursor",
            "q",
            "section",
            "tag",
            "author",
            "page",
            "published_since",
            "published_before",
            "modified_since",
            "alt");
    private static final List<String> JSON_FIELDS = List.of(
            "version",
            "headline",
            "slug",
            "standfirst",
            "body_markdown",
            "section",
            "authors",
            "tags",
            "image",
            "publish_at",
            "kind",
            "text",
            "name",
            "email",
            "website",
            "parent_id");
    private static final List<String> METHODS =
            List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "FOO");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=ISO-8859-1",
            "multipart/form-data; boundary=hostile",
            "application/x-www-form-urlencoded",
            "text/plain",
            "");

    /** One request's parts: what fills the path, the query, the body, the token and the method. */
    record Attempt(
            int idKind, byte[] id, byte[] action, byte[] query, byte[] body, int auth, String method, String type) {}

    @LocalServerPort
    int port;

    @Value("${local.management.port}")
    int managementPort;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApiTokens tokens;

    @Autowired
    StaffMembers staff;

    @Autowired
    Comments commenting;

    @Autowired
    JdbcTemplate jdbc;

    private RawHttp http;
    private List<ApiRoutes.Route> routes;
    private String token;
    private ArticleView article;

    @BeforeProperty
    void connect() {
        JqwikSpring.inject(this);
        http = new RawHttp(port);
        routes = ApiRoutes.of(mappings);
        assertThat(routes).hasSizeGreaterThan(15);
        token = tokens.create(staff.create(Role.ADMINISTRATOR).staff(), "Hostile input");
        article = commenting.article("A story the API is hammered about");
    }

    @AfterProperty
    void siteStillAnswers() {
        // bytes beyond the answers read (more than one answer to a request) are shown in the log
        http.unread().ifPresent(rest -> System.err.println("Unread on the hostile connection: " + rest));
        http.close();
        SiteHealth.assertHealthy(port, managementPort);
    }

    @Property(tries = 1000)
    void everyRouteAnswersAndRefusalsChangeNothing(@ForAll("attempts") Attempt attempt) {
        String stored = stored();
        for (ApiRoutes.Route route : routes) {
            byte[] request = request(route, attempt);
            RawHttp.Answer answer = http.send(request);
            String what = route.method() + " " + route.pattern() + ": " + printable(request);
            assertThat(answer.status()).as(what).isBetween(200, 499);
            assertThat(SecurityHeaderChecks.problems(answer)).as(what).isEmpty();
            if (!route.method().name().equals("GET")) {
                String now = stored();
                if (answer.status() >= 400) {
                    assertThat(now)
                            .as("what is stored after a refusal of " + what)
                            .isEqualTo(stored);
                }
                stored = now;
            }
        }
    }

    /** One try's parts, used for every route (generating one per route cost more than sending them). */
    @Provide
    Arbitrary<Attempt> attempts() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        HostileInput.segment(),
                        Arbitraries.frequencyOf(
                                Tuple.of(
                                        2,
                                        Arbitraries.of("approve", "spam", "trash")
                                                .map(a -> a.getBytes(StandardCharsets.US_ASCII))),
                                Tuple.of(1, HostileInput.segment())),
                        HostileInput.parameters(QUERY).map(HostileInput::requestLine),
                        body(),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.frequencyOf(
                                Tuple.of(6, Arbitraries.just("")), Tuple.of(1, Arbitraries.of(METHODS))),
                        Arbitraries.of(CONTENT_TYPES))
                .as(Attempt::new);
    }

    /** JSON with the API's field names and values of any type, or JSON cut short, or bytes. */
    private static Arbitrary<byte[]> body() {
        Arbitrary<String> value = Arbitraries.oneOf(
                HostileInput.value().map(HostileJson::string),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "[]", "{}", "1e999", "-0", "[\"a\", 1, null]", "{\"url\": 7}"));
        Arbitrary<String> object = Combinators.combine(HostileInput.name(JSON_FIELDS), value)
                .as((name, v) -> HostileJson.string(name) + ": " + v)
                .list()
                .ofMaxSize(8)
                .map(members -> "{" + String.join(", ", members) + "}");
        return Arbitraries.frequencyOf(
                Tuple.of(6, object.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, object.map(s -> s.substring(0, s.length() / 2).getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.integers().between(1, 5_000).map(HostileJson::nested)),
                Tuple.of(1, HostileInput.bytes(2048)),
                Tuple.of(1, Arbitraries.just(new byte[0])));
    }

    private byte[] request(ApiRoutes.Route route, Attempt attempt) {
        byte[] id = switch (attempt.idKind()) {
            case 0 -> String.valueOf(article.id()).getBytes(StandardCharsets.US_ASCII);
            case 1 -> article.slug().getBytes(StandardCharsets.UTF_8);
            default -> attempt.id();
        };
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        String[] parts = route.pattern().split("(?=\\{)|(?<=})");
        for (String part : parts) {
            switch (part) {
                case "{id}", "{slug}" -> target.writeBytes(id);
                case "{action}" -> target.writeBytes(attempt.action());
                default -> target.writeBytes(part.getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (attempt.query().length > 0) {
            target.write('?');
            target.writeBytes(attempt.query());
        }
        List<String> headers = new ArrayList<>();
        switch (attempt.auth()) {
            case 1 -> headers.add("Authorization: Bearer " + token);
            case 2 -> headers.add("Authorization: Bearer bst_forged-" + attempt.idKind());
            case 3 -> {
                headers.add("Authorization: Bearer " + token);
                headers.add("Authorization: Basic YWRtaW46YWRtaW4=");
            }
            default -> {}
        }
        if (!attempt.type().isEmpty()) {
            headers.add("Content-Type: " + attempt.type());
        }
        ThreadLocalRandom random = ThreadLocalRandom.current(); // the token throttle counts per address
        headers.add("X-Forwarded-For: 10." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + (1 + random.nextInt(254)));
        String method = attempt.method().isEmpty() ? route.method().name() : attempt.method();
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        return RawHttp.request(method, target.toByteArray(), headers, body ? attempt.body() : new byte[0]);
    }

    /** What a write could change: rows of what the API writes, and the newest change of an article. */
    private String stored() {
        return jdbc.queryForObject("""
                select (select count(*) from article) || ' articles, '
                    || (select count(*) from article_revision) || ' revisions, '
                    || (select count(*) from article_note) || ' notes, '
                    || (select count(*) from comment) || ' comments ('
                    || (select count(*) from comment where status = 'approved') || ' approved), '
                    || (select count(*) from media) || ' media, last change '
                    || coalesce((select max(updated_at)::text from article), '')
                """, String.class);
    }

    private static String printable(byte[] request) {
        String text = new String(request, 0, Math.min(request.length, 400), StandardCharsets.ISO_8859_1);
        return text.replaceAll("[^\\x20-\\x7e]", "?")
                + (request.length > 400 ? "… (" + request.length + " bytes)" : "");
    }
}

package org.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.api.ApiJsonResponses.json;
import static org.broadsheet.api.ApiJsonResponses.problem;
import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.ApiTokens;
import org.broadsheet.account.Role;
import org.broadsheet.account.Staff;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.StaffMembers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens as a client and their owner see them: made in the newsroom and shown once, kept
 * only as a hash, acting with the owner's role as it is now, refused with 401 and a Bearer
 * challenge when bad, revoked at once, throttled like sign-in, and never taken from a cookie.
 */
@BroadsheetTest
@Transactional
class ApiTokenTests extends SiteTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    private MockHttpServletResponse me(String authorization) {
        MockHttpServletRequestBuilder request = get("/api/v1/me");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return site.perform(request);
    }

    @Test
    void aTokenMadeInTheNewsroomIsShownOnceAndActsAsItsOwner() {
        StaffMembers.Member editor = staff.create(Role.EDITOR);
        var session = staff.signIn(editor);
        MockHttpServletResponse made = site.perform(post("/newsroom/account/tokens")
                .param("name", "Newsletter")
                .with(session)
                .with(csrf()));
        assertThat(made.getStatus()).isEqualTo(200);
        assertThat(made.getHeader("Cache-Control")).contains("no-store");
        Document page = Jsoup.parse(ApiJsonResponses.body(made));
        String token = page.getElementById("new-token").text();
        assertThat(token).startsWith("bst_").hasSizeGreaterThan(40);

        String stored = jdbc.sql("select token_hash from api_token where staff_id = :id")
                .param("id", editor.staff().id())
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(token).hasSize(64);

        var who = json(me("Bearer " + token));
        assertThat(who.get("name").asString()).isEqualTo(editor.staff().name());
        assertThat(who.get("role").asString()).isEqualTo("editor");
        assertThat(ApiJsonResponses.body(me("Bearer " + token))).doesNotContain(editor.email());

        Document later = site.page("/newsroom/account/tokens", session);
        assertThat(later.text()).contains("Newsletter").doesNotContain(token);
        assertThat(later.getElementById("new-token")).isNull();
    }

    @Test
    void aTokenWithoutANameIsRefusedBesideTheField() {
        var session = staff.signIn(staff.create(Role.CONTRIBUTOR));
        MockHttpServletResponse refused = site.perform(post("/newsroom/account/tokens")
                .param("name", "  ")
                .with(session)
                .with(csrf()));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(ApiJsonResponses.body(refused)).getElementById("new-token"))
                .isNull();
    }

    @Test
    void noTokenMissingOrWrongIsA401WithABearerChallenge() {
        MockHttpServletResponse none = me(null);
        problem(none, 401);
        assertThat(none.getHeader("WWW-Authenticate")).startsWith("Bearer");

        for (String bad : new String[] {"Bearer bst_nothing", "Bearer ", "Basic dXNlcjpwYXNz", "bst_x"}) {
            MockHttpServletResponse refused =
                    site.perform(get("/api/v1/me").header("Authorization", bad).with(fromAddress()));
            problem(refused, 401);
            assertThat(refused.getHeader("WWW-Authenticate")).contains("Bearer", "invalid_token");
        }
    }

    @Test
    void aBadTokenIsRefusedEvenOnAPublicRead() {
        problem(
                site.perform(get("/api/v1/sections")
                        .header("Authorization", "Bearer bst_wrong")
                        .with(fromAddress())),
                401);
    }

    @Test
    void aSessionCookieNeverAuthenticatesTheApi() {
        MockHttpServletResponse refused = site.perform(get("/api/v1/me").with(staff.as(Role.ADMINISTRATOR)));
        problem(refused, 401);
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        StaffMembers.Member author = staff.create(Role.AUTHOR);
        String token = tokens.create(author.staff(), "Phone");
        assertThat(me("Bearer " + token).getStatus()).isEqualTo(200);
        long id = tokens.list(author.staff().id()).get(0).id();

        MockHttpServletResponse revoked = site.perform(post("/newsroom/account/tokens/" + id + "/revoke")
                .with(staff.signIn(author))
                .with(csrf()));
        assertThat(revoked.getStatus()).isEqualTo(303);
        problem(me("Bearer " + token), 401);
        assertThat(tokens.list(author.staff().id())).isEmpty();
    }

    @Test
    void nobodyRevokesSomeoneElsesToken() {
        String token = tokens.create(staff.create(Role.AUTHOR).staff(), "Theirs");
        long id = jdbc.sql("select max(id) from api_token").query(Long.class).single();
        MockHttpServletResponse refused = site.perform(post("/newsroom/account/tokens/" + id + "/revoke")
                .with(staff.as(Role.ADMINISTRATOR))
                .with(csrf()));
        assertThat(refused.getStatus()).isEqualTo(404);
        assertThat(me("Bearer " + token).getStatus()).isEqualTo(200);
    }

    @Test
    void aDisabledOrDemotedAccountsTokenLosesItsPowersAtOnce() {
        StaffMembers.Member editor = staff.create(Role.EDITOR);
        Staff admin = staff.member(Role.ADMINISTRATOR).staff();
        String token = tokens.create(editor.staff(), "Desk");
        Staff s = editor.staff();

        accounts.update(admin.id(), s.id(), editor.email(), s.name(), Role.CONTRIBUTOR, s.authorId(), true);
        assertThat(json(me("Bearer " + token)).get("role").asString()).isEqualTo("contributor");

        accounts.update(admin.id(), s.id(), editor.email(), s.name(), Role.CONTRIBUTOR, s.authorId(), false);
        problem(me("Bearer " + token), 401);
    }

    @Test
    void lastUseIsRecordedAtMostOnceAMinute() {
        StaffMembers.Member author = staff.create(Role.AUTHOR);
        String token = tokens.create(author.staff(), "Feed");
        assertThat(tokens.list(author.staff().id()).get(0).lastUsedAt()).isNull();
        me("Bearer " + token);
        var first = tokens.list(author.staff().id()).get(0).lastUsedAt();
        assertThat(first).isNotNull();
        jdbc.sql("update api_token set last_used_at = last_used_at - interval '30 seconds' where staff_id = :id")
                .param("id", author.staff().id())
                .update();
        me("Bearer " + token);
        assertThat(tokens.list(author.staff().id()).get(0).lastUsedAt()).isEqualTo(first.minusSeconds(30));
        jdbc.sql("update api_token set last_used_at = last_used_at - interval '1 hour' where staff_id = :id")
                .param("id", author.staff().id())
                .update();
        me("Bearer " + token);
        assertThat(tokens.list(author.staff().id()).get(0).lastUsedAt()).isAfter(first);
    }

    @Test
    void tooManyBadTokensFromOneAddressAre429sWithRetryAfterEvenForAGoodToken() {
        String good = tokens.create(staff.create(Role.AUTHOR).staff(), "Good");
        var address = fromAddress();
        for (int i = 0; i < 20; i++) {
            problem(
                    site.perform(get("/api/v1/me")
                            .header("Authorization", "Bearer bst_guess" + i)
                            .with(address)),
                    401);
        }
        MockHttpServletResponse throttled = site.perform(
                get("/api/v1/me").header("Authorization", "Bearer " + good).with(address));
        problem(throttled, 429);
        assertThat(Long.parseLong(throttled.getHeader("Retry-After"))).isPositive();
        assertThat(site.perform(get("/api/v1/me")
                                .header("Authorization", "Bearer " + good)
                                .with(fromAddress()))
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void onlyAStaffTokenSeesTheMarkdownSourceAndThatAnswerIsPrivate() {
        var story = commenting.article("Markdown for staff");
        String source = desk.forEditing(story.id()).form().body();
        assertThat(source).isNotBlank();
        String url = "/api/v1/articles/" + story.id();

        MockHttpServletResponse anonymous = site.get(url);
        assertThat(json(anonymous).get("body_markdown").isNull()).isTrue();
        assertThat(anonymous.getHeader("Cache-Control")).startsWith("public");
        assertThat(anonymous.getHeaders("Vary")).anyMatch(v -> v.contains("Authorization"));

        String token = tokens.create(staff.create(Role.CONTRIBUTOR).staff(), "Reader app");
        MockHttpServletResponse staffAnswer = site.get(url, Bearer.token(token));
        assertThat(json(staffAnswer).get("body_markdown").asString()).isEqualTo(source);
        assertThat(staffAnswer.getHeader("Cache-Control")).startsWith("private");
        var bySlug = json(site.get("/api/v1/articles/by-slug/" + story.slug(), Bearer.token(token)));
        assertThat(bySlug.get("body_markdown").asString()).isEqualTo(source);
        var list = json(site.get("/api/v1/articles", Bearer.token(token)));
        assertThat(list.get("items").get(0).get("body_markdown").isNull()).isTrue();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor fromAddress() {
        String ip = "10.77." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.incrementAndGet() % 250 + 1);
        String unique = ip + "." + System.nanoTime() % 1000; // another run's failures stay in the table
        return request -> {
            request.setRemoteAddr("fd00::" + Long.toHexString(unique.hashCode() & 0xffffffffL));
            return request;
        };
    }
}

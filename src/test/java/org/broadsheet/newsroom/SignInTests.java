package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.StaffMembers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing in and out of the newsroom through the real form, sessions, and the brute-force
 * throttle. Each test signs in staff of its own and rolls back (sessions stay, see
 * {@link AccountTests}).
 */
@BroadsheetTest
@Transactional
class SignInTests extends SiteTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void newsroomPagesSendStrangersToTheSignInPage() throws Exception {
        MvcResult result = site.exchange(get("/newsroom/articles"));
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/newsroom/sign-in");
        assertThat(result.getResponse().getCookie("SESSION"))
                .as("no session before signing in")
                .isNull();

        Document page = site.page("/newsroom/sign-in");
        assertThat(page.select("h1").text()).isEqualTo("Sign in to the newsroom");
        assertThat(page.select("form[action=/newsroom/sign-in] input[name=_csrf]")
                        .attr("value"))
                .isNotBlank();
        assertThat(page.select("input#email[autocomplete=username]")).hasSize(1);
        assertThat(page.select("input#password[type=password][autocomplete=current-password]"))
                .hasSize(1);
    }

    @Test
    void signingInGivesASessionCookieAndTheDashboard() throws Exception {
        StaffMembers.Member editor = staff.create(Role.EDITOR);
        MvcResult result = site.exchange(StaffMembers.signInForm(editor.email().toUpperCase(), editor.password()));
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl())
                .as(result.getResponse().getContentAsString())
                .isEqualTo("/newsroom");
        Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getPath()).isEqualTo("/newsroom");
        assertThat(result.getResponse().getHeaders("Set-Cookie"))
                .filteredOn(h -> h.startsWith("SESSION="))
                .singleElement()
                .asString()
                .contains("SameSite=Lax")
                .contains("HttpOnly")
                .doesNotContain("Secure");

        assertThat(jdbc.sql("select count(*) from spring_session where lower(principal_name) = lower(:email)")
                        .param("email", editor.email())
                        .query(Integer.class)
                        .single())
                .as("the session lives in PostgreSQL, so it survives a restart and a change of node")
                .isEqualTo(1);

        MvcResult dashboard = site.exchange(get("/newsroom").cookie(session));
        assertThat(dashboard.getResponse().getStatus()).isEqualTo(200);
        assertThat(dashboard.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(dashboard.getResponse().getHeader("X-Robots-Tag")).contains("noindex");
        Document page = Jsoup.parse(dashboard.getResponse().getContentAsString());
        assertThat(page.select(".nr-who").text())
                .contains(editor.staff().name())
                .contains("Editor");
        assertThat(page.select("nav[aria-label=Newsroom] a").eachAttr("href"))
                .contains("/newsroom/comments", "/newsroom/sections")
                .doesNotContain("/newsroom/users", "/newsroom/settings");
    }

    @Test
    void overHttpsTheSessionCookieIsSecure() throws Exception {
        StaffMembers.Member editor = staff.create(Role.EDITOR);
        MvcResult result = site.exchange(
                StaffMembers.signInForm(editor.email(), editor.password()).secure(true));
        assertThat(result.getResponse().getHeaders("Set-Cookie"))
                .filteredOn(h -> h.startsWith("SESSION="))
                .singleElement()
                .asString()
                .contains("Secure")
                .contains("HttpOnly")
                .contains("SameSite=Lax");
    }

    @Test
    void aWrongPasswordIsRefusedWithTheEmailKept() throws Exception {
        StaffMembers.Member author = staff.create(Role.AUTHOR);
        MvcResult result = site.exchange(StaffMembers.signInForm(author.email(), "not-the-password"));
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getCookie("SESSION")).isNull();
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("[role=alert]").text()).contains("do not match");
        assertThat(page.select("input#email").attr("value")).isEqualTo(author.email());
        assertThat(page.select("input#password").attr("value")).isEmpty();
    }

    /** A NUL in the email reached the throttle's query, which PostgreSQL refused: a 500 (found by HostileFormTests). */
    @Test
    void anEmailWithAControlCharacterIsABadRequest() throws Exception {
        MvcResult result = site.exchange(StaffMembers.signInForm("a\u0000b@staff.example", "whatever-it-is"));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getCookie("SESSION")).isNull();
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        RequestPostProcessor session = staff.signIn(staff.create(Role.CONTRIBUTOR));
        assertThat(site.get("/newsroom", session).getStatus()).isEqualTo(200);
        MvcResult out = site.exchange(post("/newsroom/sign-out").with(session).with(csrf()));
        assertThat(out.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/sign-in?signed-out");
        assertThat(site.get("/newsroom", session).getStatus()).isEqualTo(302);
    }
}

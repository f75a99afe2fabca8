package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.testkit.Site;
import org.broadsheet.testkit.StaffMembers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

/**
 * A site started without the demo has no staff: the one-time set-up link creates the first
 * administrator. The site is an application context of its own; the test rolls back, so the
 * site is left without staff again.
 */
@BroadsheetTest
@TestPropertySource(properties = "broadsheet.demo=false")
@Transactional
class SetupLinkTests {

    @Autowired
    Site site;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSetUpLinkExpiresAfterADayWorksOnceAndThenNoMoreAreMade() throws Exception {
        assertThat(accounts.hasStaff()).isFalse();

        String expired = accounts.setupLinkIfNoAdministrator().orElseThrow();
        jdbc.sql("update staff_token set expires_at = now() - interval '1 second' where purpose = 'setup'")
                .update();
        assertThat(site.status("/newsroom/setup/" + expired)).isEqualTo(404);

        String token = accounts.setupLinkIfNoAdministrator().orElseThrow();
        assertThat(jdbc.sql("""
                                select extract(epoch from expires_at - created_at)::int from staff_token
                                where used_at is null and purpose = 'setup' and expires_at > now()
                                """).query(Integer.class).list())
                .as("live set-up links (this one and the site's start's) last a day")
                .isNotEmpty()
                .containsOnly(24 * 3600);
        MvcResult page = site.exchange(get("/newsroom/setup/" + token));
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(page.getResponse().getContentAsString())
                        .select("h1")
                        .text())
                .isEqualTo("Create the administrator");
        assertThat(new org.broadsheet.web.PageChecks()
                        .htmlErrors("set-up page", page.getResponse().getContentAsByteArray()))
                .as("the Nu HTML checker (axe checks the same template as the password page)")
                .isEmpty();

        MvcResult weak = setUp(token, "short");
        assertThat(weak.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(weak.getResponse().getContentAsString())
                        .select("input#email")
                        .val())
                .isEqualTo("first@staff.example");
        assertThat(accounts.hasStaff()).isFalse();

        MvcResult created = setUp(token, "the first admin's passphrase");
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/sign-in?password-set");
        assertThat(accounts.list()).singleElement().extracting(a -> a.role()).isEqualTo(Role.ADMINISTRATOR);

        assertThat(site.status("/newsroom/setup/" + token)).as("used once").isEqualTo(404);
        assertThat(site.perform(post("/newsroom/setup/" + token)
                                .param("name", "Second")
                                .param("email", "second@staff.example")
                                .param("password", "another long passphrase")
                                .param("confirm", "another long passphrase")
                                .with(csrf()))
                        .getStatus())
                .isEqualTo(404);
        assertThat(accounts.setupLinkIfNoAdministrator()).isEmpty();

        assertThat(site.perform(StaffMembers.signInForm("first@staff.example", "the first admin's passphrase"))
                        .getRedirectedUrl())
                .isEqualTo("/newsroom");
    }

    @Test
    void aSiteWhoseOnlyStaffAreDisabledImportedAccountsStillOffersTheSetUpLink() throws Exception {
        accounts.importDisabled("writer@imported.example", "Imported Writer", Role.CONTRIBUTOR, null);
        assertThat(accounts.hasStaff()).isTrue();

        String token = accounts.setupLinkIfNoAdministrator().orElseThrow();
        MvcResult created = setUp(token, "the first admin's passphrase");
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/sign-in?password-set");

        assertThat(accounts.setupLinkIfNoAdministrator()).isEmpty();
        assertThat(accounts.list())
                .extracting(a -> a.role())
                .containsExactlyInAnyOrder(Role.CONTRIBUTOR, Role.ADMINISTRATOR);
    }

    @Test
    void aNewSetUpLinkRetiresThoseMadeMoreThanTenMinutesBeforeAndKeepsNewerOnes() {
        String old = accounts.setupLinkIfNoAdministrator().orElseThrow();
        jdbc.sql("update staff_token set created_at = created_at - interval '11 minutes' where purpose = 'setup'")
                .update();
        String recent = accounts.setupLinkIfNoAdministrator().orElseThrow();
        String newest = accounts.setupLinkIfNoAdministrator().orElseThrow();

        assertThat(site.status("/newsroom/setup/" + old))
                .as("a link made 11 minutes before the last start")
                .isEqualTo(404);
        assertThat(site.status("/newsroom/setup/" + recent))
                .as("a link made just before, as by a node starting beside this one")
                .isEqualTo(200);
        assertThat(site.status("/newsroom/setup/" + newest)).isEqualTo(200);
    }

    /** Posts the set-up form for the first administrator with {@code password} typed twice. */
    private MvcResult setUp(String token, String password) {
        return site.exchange(Site.form(
                        "/newsroom/setup/" + token,
                        "name=First Admin",
                        "email=first@staff.example",
                        "password=" + password,
                        "confirm=" + password)
                .with(csrf()));
    }
}

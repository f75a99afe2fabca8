package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.CreateAdminCommand;
import org.broadsheet.account.Role;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.StaffMembers;
import org.broadsheet.testkit.Unique;
import org.broadsheet.web.ValidationException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts end to end: the throttle, CSRF on sign-in, session rotation, one-time links
 * (single use, expiry), invitations, password changes and disabled accounts, and the
 * create-admin command. Each test has staff of its own and rolls back; only the sessions,
 * which Spring Session keeps in transactions of their own, stay, for accounts that are gone.
 */
@BroadsheetTest
@Transactional
class AccountTests extends SiteTest {

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    // ---- brute force

    @Test
    void fiveFailuresLockAnAccountEvenForTheRightPassword() throws Exception {
        StaffMembers.Member author = staff.create(Role.AUTHOR);
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(author.email(), "wrong password " + i, StaffMembers.fromNewAddress())
                            .getResponse()
                            .getStatus())
                    .isEqualTo(401);
        }
        MvcResult locked = signIn(author.email(), author.password(), StaffMembers.fromNewAddress());
        assertThat(locked.getResponse().getStatus()).isEqualTo(429);
        assertThat(locked.getResponse().getCookie("SESSION")).isNull();
        assertThat(Integer.parseInt(locked.getResponse().getHeader("Retry-After")))
                .isBetween(60, 15 * 60);
        Document page = Jsoup.parse(locked.getResponse().getContentAsString());
        assertThat(page.select("[role=alert]").text())
                .contains("Too many failed sign-ins")
                .contains("15 minutes");

        // Once the failures are older than the window, the right password works again.
        jdbc.sql("update sign_in_attempt set at = at - interval '16 minutes' where lower(email) = lower(:e)")
                .param("e", author.email())
                .update();
        assertThat(signIn(author.email(), author.password(), StaffMembers.fromNewAddress())
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/newsroom");
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddress() throws Exception {
        RequestPostProcessor address = StaffMembers.fromNewAddress();
        for (int i = 0; i < 20; i++) {
            signIn("nobody-" + i + "@staff.example", "wrong password", address);
        }
        StaffMembers.Member editor = staff.create(Role.EDITOR);
        assertThat(signIn(editor.email(), editor.password(), address)
                        .getResponse()
                        .getStatus())
                .isEqualTo(429);
        assertThat(signIn(editor.email(), editor.password(), StaffMembers.fromNewAddress())
                        .getResponse()
                        .getRedirectedUrl())
                .as("another address is not locked")
                .isEqualTo("/newsroom");
    }

    @Test
    void signInWithoutACsrfTokenIsRefused() throws Exception {
        StaffMembers.Member editor = staff.create(Role.EDITOR);
        MvcResult result = site.exchange(post("/newsroom/sign-in")
                .param("email", editor.email())
                .param("password", editor.password())
                .with(StaffMembers.fromNewAddress()));
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(result.getResponse().getCookie("SESSION")).isNull();
    }

    @Test
    void signingInAgainGivesANewSessionId() throws Exception {
        StaffMembers.Member editor = staff.create(Role.EDITOR);
        Cookie first = signIn(editor.email(), editor.password(), StaffMembers.fromNewAddress())
                .getResponse()
                .getCookie("SESSION");
        MvcResult again = site.exchange(
                StaffMembers.signInForm(editor.email(), editor.password()).cookie(first));
        Cookie second = again.getResponse().getCookie("SESSION");
        assertThat(second).isNotNull();
        assertThat(second.getValue()).isNotEqualTo(first.getValue());
        assertThat(site.perform(get("/newsroom").cookie(first)).getStatus())
                .as("the old id no longer works")
                .isEqualTo(302);
        assertThat(site.perform(get("/newsroom").cookie(second)).getStatus()).isEqualTo(200);
    }

    // ---- one-time links

    @Test
    void anInvitationLinkWorksOnceAndLetsTheNewcomerSignIn() throws Exception {
        MvcResult invited = site.exchange(post("/newsroom/users")
                .param("name", "Rosa Lind")
                .param("email", Unique.email("rosa"))
                .param("role", "author")
                .param("author", "")
                .with(staff.as(Role.ADMINISTRATOR))
                .with(csrf()));
        assertThat(invited.getResponse().getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(invited.getResponse().getContentAsString());
        String link = page.select("code.nr-link").text();
        assertThat(link).contains("/newsroom/password/");
        String path = link.substring(link.indexOf("/newsroom/"));
        String email = page.select("td:contains(rosa-)").first().text();

        assertThat(site.status(path)).isEqualTo(200);
        MvcResult mismatch = site.exchange(post(path)
                .param("password", "a long new password")
                .param("confirm", "different")
                .with(csrf()));
        assertThat(mismatch.getResponse().getStatus()).isEqualTo(422);
        assertThat(site.perform(post(path)
                                .param("password", "rosa's own passphrase")
                                .param("confirm", "rosa's own passphrase")
                                .with(csrf()))
                        .getRedirectedUrl())
                .isEqualTo("/newsroom/sign-in?password-set");

        assertThat(site.status(path)).as("used once").isEqualTo(404);
        assertThat(signIn(email, "rosa's own passphrase", StaffMembers.fromNewAddress())
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/newsroom");
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        AccountService.Invitation late = accounts.invite(Unique.email("late"), "Late Comer", Role.CONTRIBUTOR, null);
        String token = late.token();
        jdbc.sql("update staff_token set expires_at = now() - interval '1 minute' where staff_id = ?")
                .param(late.staffId())
                .update();
        assertThat(site.status("/newsroom/password/" + token)).isEqualTo(404);
        assertThat(site.perform(post("/newsroom/password/" + token)
                                .param("password", "a long new password")
                                .param("confirm", "a long new password")
                                .with(csrf()))
                        .getStatus())
                .isEqualTo(404);
        assertThat(site.status("/newsroom/setup/not-a-real-token-at-all-1234")).isEqualTo(404);
    }

    @Test
    void aSetUpLinkIsMadeOnlyWhileNoStaffExist() {
        staff.create(Role.CONTRIBUTOR);
        assertThat(accounts.setupLinkIfNoAdministrator()).isEmpty();
    }

    // ---- passwords, roles and disabled accounts

    @Test
    void changingThePasswordEndsEverySession() throws Exception {
        StaffMembers.Member author = staff.create(Role.AUTHOR);
        RequestPostProcessor elsewhere = staff.signIn(author);
        RequestPostProcessor here = staff.signIn(author);

        MvcResult wrongCurrent = site.exchange(post("/newsroom/account/password")
                .param("current", "not it")
                .param("password", "a brand new passphrase")
                .param("confirm", "a brand new passphrase")
                .with(here)
                .with(csrf()));
        assertThat(wrongCurrent.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(wrongCurrent.getResponse().getContentAsString())
                        .select("#current-error")
                        .text())
                .isEqualTo("The current password is not right");

        MvcResult changed = site.exchange(post("/newsroom/account/password")
                .param("current", author.password())
                .param("password", "a brand new passphrase")
                .param("confirm", "a brand new passphrase")
                .with(here)
                .with(csrf()));
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/sign-in?password-set");
        assertThat(site.get("/newsroom", elsewhere).getRedirectedUrl()).isEqualTo("/newsroom/sign-in?ended");
        assertThat(signIn(author.email(), "a brand new passphrase", StaffMembers.fromNewAddress())
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/newsroom");
    }

    @Test
    void weakPasswordsAreRefused() {
        assertThatThrownBy(() -> accounts.create(Unique.email("weak"), "Weak", Role.AUTHOR, null, "short"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least 12");
        assertThatThrownBy(() -> accounts.create(Unique.email("weak"), "Weak", Role.AUTHOR, null, "aaaaaaaaaaaaaaaa"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> accounts.create(
                        Unique.email("weak"), "Weak", Role.AUTHOR, null, "x".repeat(20) + "é".repeat(30)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("72");
    }

    @Test
    void aDisabledAccountIsSignedOutAtOnceAndARoleChangeTakesEffectAtOnce() throws Exception {
        StaffMembers.Member editor = staff.create(Role.EDITOR);
        RequestPostProcessor session = staff.signIn(editor);
        assertThat(site.get("/newsroom/users", session).getStatus()).isEqualTo(403);

        accounts.update(
                staff.member(Role.ADMINISTRATOR).staff().id(),
                editor.staff().id(),
                editor.email(),
                editor.staff().name(),
                Role.ADMINISTRATOR,
                null,
                true);
        assertThat(site.get("/newsroom/users", session).getStatus()).isEqualTo(200);

        MvcResult disabled =
                site.exchange(post("/newsroom/users/" + editor.staff().id())
                        .param("name", editor.staff().name())
                        .param("email", editor.email())
                        .param("role", "editor")
                        .param("author", "")
                        .with(staff.as(Role.ADMINISTRATOR))
                        .with(csrf()));
        assertThat(disabled.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/users");
        assertThat(site.get("/newsroom", session).getRedirectedUrl()).isEqualTo("/newsroom/sign-in?ended");
        assertThat(signIn(editor.email(), editor.password(), StaffMembers.fromNewAddress())
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
    }

    @Test
    void nobodyCanDisableThemselves() throws Exception {
        StaffMembers.Member admin = staff.create(Role.ADMINISTRATOR);
        MvcResult self = site.exchange(post("/newsroom/users/" + admin.staff().id())
                .param("name", "Me")
                .param("email", admin.email())
                .param("role", "administrator")
                .param("author", "")
                .with(staff.signIn(admin))
                .with(csrf()));
        assertThat(self.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(self.getResponse().getContentAsString())
                        .select("#enabled-error")
                        .text())
                .isEqualTo("You cannot disable your own account");
    }

    @Test
    void anUntickedCanSignInBoxDisablesTheAccountWhateverTheRequestHeadersSay() throws Exception {
        StaffMembers.Member editor = staff.create(Role.EDITOR);
        MvcResult saved = site.exchange(post("/newsroom/users/" + editor.staff().id())
                .param("name", editor.staff().name())
                .param("email", editor.email())
                .param("role", "editor")
                .param("author", "")
                .header("enabled", "on")
                .with(staff.as(Role.ADMINISTRATOR))
                .with(csrf()));
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/users");
        assertThat(accounts.findAccount(editor.staff().id()).orElseThrow().enabled())
                .isFalse();
    }

    // ---- bad input

    @Test
    void newsroomFormsWithControlCharactersOrInvalidUtf8AreRefusedAndChangeNothing() throws Exception {
        String before = jdbc.sql("select name from site_identity")
                .query(String.class)
                .optional()
                .orElse("");
        MvcResult control = site.exchange(post("/newsroom/settings/site")
                .param("name", "Broad\u0000sheet")
                .param("tagline", "x")
                .with(staff.as(Role.ADMINISTRATOR))
                .with(csrf()));
        assertThat(control.getResponse().getStatus()).isEqualTo(400);

        MvcResult invalid = site.exchange(post("/newsroom/settings/site")
                .contentType("application/x-www-form-urlencoded")
                .content("name=Broad%C3%28sheet&tagline=x".getBytes(StandardCharsets.ISO_8859_1))
                .with(staff.as(Role.ADMINISTRATOR))
                .with(csrf()));
        assertThat(invalid.getResponse().getStatus()).isEqualTo(400);
        assertThat(jdbc.sql("select name from site_identity")
                        .query(String.class)
                        .optional()
                        .orElse(""))
                .isEqualTo(before);
    }

    // ---- create-admin

    @Test
    void theCreateAdminCommandMakesAnAdministratorWithAPasswordShownOnce() {
        String email = Unique.email("cli");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CreateAdminCommand()
                .run(
                        context,
                        new String[] {"create-admin", "--email", email, "--name", "Cli Admin"},
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Administrator " + email + " created.");
        String password = printed.lines()
                .filter(l -> l.startsWith("Password"))
                .findFirst()
                .orElseThrow()
                .replaceAll(".*: ", "");
        assertThat(password).hasSize(20);

        int again = new CreateAdminCommand()
                .run(
                        context,
                        new String[] {"create-admin", "--email", email, "--name", "Again"},
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(again).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Another staff member has that email");
        assertThat(new CreateAdminCommand()
                        .run(
                                context,
                                new String[] {"create-admin", "--name", "No Email"},
                                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
    }

    private MvcResult signIn(String email, String password, RequestPostProcessor address) throws Exception {
        return site.exchange(StaffMembers.signInForm(email, password).with(address));
    }
}

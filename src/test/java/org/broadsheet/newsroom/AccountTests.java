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
import org.broadsheet.web.ValidationException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Staff accounts end to end: the throttle, CSRF on sign-in, session rotation, one-time links
 * (single use, expiry), invitations, password changes and disabled accounts, and the
 * create-admin command.
 */
@BroadsheetTest
class AccountTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    StaffFixtures staff;

    @BeforeEach
    void setUp() {
        staff = new StaffFixtures(mvc, accounts);
    }

    // ---- brute force

    @Test
    void fiveFailuresLockAnAccountEvenForTheRightPassword() throws Exception {
        StaffFixtures.Member author = staff.create(Role.AUTHOR);
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(author.email(), "wrong password " + i, StaffFixtures.fromNewAddress())
                            .getResponse()
                            .getStatus())
                    .isEqualTo(401);
        }
        MvcResult locked = signIn(author.email(), author.password(), StaffFixtures.fromNewAddress());
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
        assertThat(signIn(author.email(), author.password(), StaffFixtures.fromNewAddress())
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/newsroom");
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddress() throws Exception {
        RequestPostProcessor address = StaffFixtures.fromNewAddress();
        for (int i = 0; i < 20; i++) {
            signIn("nobody-" + i + "@staff.example", "wrong password", address);
        }
        StaffFixtures.Member editor = staff.create(Role.EDITOR);
        assertThat(signIn(editor.email(), editor.password(), address)
                        .getResponse()
                        .getStatus())
                .isEqualTo(429);
        assertThat(signIn(editor.email(), editor.password(), StaffFixtures.fromNewAddress())
                        .getResponse()
                        .getRedirectedUrl())
                .as("another address is not locked")
                .isEqualTo("/newsroom");
    }

    @Test
    void signInWithoutACsrfTokenIsRefused() throws Exception {
        StaffFixtures.Member editor = staff.create(Role.EDITOR);
        MvcResult result = mvc.perform(post("/newsroom/sign-in")
                        .param("email", editor.email())
                        .param("password", editor.password())
                        .with(StaffFixtures.fromNewAddress()))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(result.getResponse().getCookie("SESSION")).isNull();
    }

    @Test
    void signingInAgainGivesANewSessionId() throws Exception {
        StaffFixtures.Member editor = staff.create(Role.EDITOR);
        Cookie first = signIn(editor.email(), editor.password(), StaffFixtures.fromNewAddress())
                .getResponse()
                .getCookie("SESSION");
        MvcResult again = mvc.perform(post("/newsroom/sign-in")
                        .param("email", editor.email())
                        .param("password", editor.password())
                        .cookie(first)
                        .with(csrf())
                        .with(StaffFixtures.fromNewAddress()))
                .andReturn();
        Cookie second = again.getResponse().getCookie("SESSION");
        assertThat(second).isNotNull();
        assertThat(second.getValue()).isNotEqualTo(first.getValue());
        assertThat(mvc.perform(get("/newsroom").cookie(first))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("the old id no longer works")
                .isEqualTo(302);
        assertThat(mvc.perform(get("/newsroom").cookie(second))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    // ---- one-time links

    @Test
    void anInvitationLinkWorksOnceAndLetsTheNewcomerSignIn() throws Exception {
        MvcResult invited = mvc.perform(post("/newsroom/users")
                        .param("name", "Rosa Lind")
                        .param("email", "rosa-" + System.nanoTime() + "@staff.example")
                        .param("role", "author")
                        .param("author", "")
                        .with(staff.as(Role.ADMINISTRATOR))
                        .with(csrf()))
                .andReturn();
        assertThat(invited.getResponse().getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(invited.getResponse().getContentAsString());
        String link = page.select("code.nr-link").text();
        assertThat(link).contains("/newsroom/password/");
        String path = link.substring(link.indexOf("/newsroom/"));
        String email = page.select("td:contains(rosa-)").first().text();

        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(200);
        MvcResult mismatch = mvc.perform(post(path)
                        .param("password", "a long new password")
                        .param("confirm", "different")
                        .with(csrf()))
                .andReturn();
        assertThat(mismatch.getResponse().getStatus()).isEqualTo(422);
        assertThat(mvc.perform(post(path)
                                .param("password", "rosa's own passphrase")
                                .param("confirm", "rosa's own passphrase")
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/newsroom/sign-in?password-set");

        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus())
                .as("used once")
                .isEqualTo(404);
        assertThat(signIn(email, "rosa's own passphrase", StaffFixtures.fromNewAddress())
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/newsroom");
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        String token = accounts.invite(
                        "late-" + System.nanoTime() + "@staff.example", "Late Comer", Role.CONTRIBUTOR, null)
                .token();
        jdbc.sql(
                        "update staff_token set expires_at = now() - interval '1 minute' where used_at is null and purpose = 'password'")
                .update();
        assertThat(mvc.perform(get("/newsroom/password/" + token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/newsroom/password/" + token)
                                .param("password", "a long new password")
                                .param("confirm", "a long new password")
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/newsroom/setup/not-a-real-token-at-all-1234"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aSetUpLinkIsMadeOnlyWhileNoStaffExist() {
        staff.create(Role.CONTRIBUTOR);
        assertThat(accounts.setupLinkIfNoStaff()).isEmpty();
    }

    // ---- passwords, roles and disabled accounts

    @Test
    void changingThePasswordEndsEverySession() throws Exception {
        StaffFixtures.Member author = staff.create(Role.AUTHOR);
        RequestPostProcessor elsewhere = staff.signIn(author);
        RequestPostProcessor here = staff.signIn(author);

        MvcResult wrongCurrent = mvc.perform(post("/newsroom/account/password")
                        .param("current", "not it")
                        .param("password", "a brand new passphrase")
                        .param("confirm", "a brand new passphrase")
                        .with(here)
                        .with(csrf()))
                .andReturn();
        assertThat(wrongCurrent.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(wrongCurrent.getResponse().getContentAsString())
                        .select("#current-error")
                        .text())
                .isEqualTo("The current password is not right");

        MvcResult changed = mvc.perform(post("/newsroom/account/password")
                        .param("current", author.password())
                        .param("password", "a brand new passphrase")
                        .param("confirm", "a brand new passphrase")
                        .with(here)
                        .with(csrf()))
                .andReturn();
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/sign-in?password-set");
        assertThat(mvc.perform(get("/newsroom").with(elsewhere))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/newsroom/sign-in?ended");
        assertThat(signIn(author.email(), "a brand new passphrase", StaffFixtures.fromNewAddress())
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/newsroom");
    }

    @Test
    void weakPasswordsAreRefused() {
        assertThatThrownBy(() -> accounts.create(
                        "weak-" + System.nanoTime() + "@staff.example", "Weak", Role.AUTHOR, null, "short"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least 12");
        assertThatThrownBy(() -> accounts.create(
                        "weak2-" + System.nanoTime() + "@staff.example", "Weak", Role.AUTHOR, null, "aaaaaaaaaaaaaaaa"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> accounts.create(
                        "weak3-" + System.nanoTime() + "@staff.example",
                        "Weak",
                        Role.AUTHOR,
                        null,
                        "x".repeat(20) + "é".repeat(30)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("72");
    }

    @Test
    void aDisabledAccountIsSignedOutAtOnceAndARoleChangeTakesEffectAtOnce() throws Exception {
        StaffFixtures.Member editor = staff.create(Role.EDITOR);
        RequestPostProcessor session = staff.signIn(editor);
        assertThat(mvc.perform(get("/newsroom/users").with(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        accounts.update(
                staff.member(Role.ADMINISTRATOR).staff().id(),
                editor.staff().id(),
                editor.email(),
                editor.staff().name(),
                Role.ADMINISTRATOR,
                null,
                true);
        assertThat(mvc.perform(get("/newsroom/users").with(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        MvcResult disabled = mvc.perform(
                        post("/newsroom/users/" + editor.staff().id())
                                .param("name", editor.staff().name())
                                .param("email", editor.email())
                                .param("role", "editor")
                                .param("author", "")
                                .with(staff.as(Role.ADMINISTRATOR))
                                .with(csrf()))
                .andReturn();
        assertThat(disabled.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/users");
        assertThat(mvc.perform(get("/newsroom").with(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/newsroom/sign-in?ended");
        assertThat(signIn(editor.email(), editor.password(), StaffFixtures.fromNewAddress())
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
    }

    @Test
    void nobodyCanDisableThemselves() throws Exception {
        StaffFixtures.Member admin = staff.create(Role.ADMINISTRATOR);
        MvcResult self = mvc.perform(post("/newsroom/users/" + admin.staff().id())
                        .param("name", "Me")
                        .param("email", admin.email())
                        .param("role", "administrator")
                        .param("author", "")
                        .with(staff.signIn(admin))
                        .with(csrf()))
                .andReturn();
        assertThat(self.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(self.getResponse().getContentAsString())
                        .select("#enabled-error")
                        .text())
                .isEqualTo("You cannot disable your own account");
    }

    @Test
    void anUntickedCanSignInBoxDisablesTheAccountWhateverTheRequestHeadersSay() throws Exception {
        StaffFixtures.Member editor = staff.create(Role.EDITOR);
        MvcResult saved = mvc.perform(post("/newsroom/users/" + editor.staff().id())
                        .param("name", editor.staff().name())
                        .param("email", editor.email())
                        .param("role", "editor")
                        .param("author", "")
                        .header("enabled", "on")
                        .with(staff.as(Role.ADMINISTRATOR))
                        .with(csrf()))
                .andReturn();
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
        MvcResult control = mvc.perform(post("/newsroom/settings/site")
                        .param("name", "Broad\u0000sheet")
                        .param("tagline", "x")
                        .with(staff.as(Role.ADMINISTRATOR))
                        .with(csrf()))
                .andReturn();
        assertThat(control.getResponse().getStatus()).isEqualTo(400);

        MvcResult invalid = mvc.perform(post("/newsroom/settings/site")
                        .contentType("application/x-www-form-urlencoded")
                        .content("name=Broad%C3%28sheet&tagline=x".getBytes(StandardCharsets.ISO_8859_1))
                        .with(staff.as(Role.ADMINISTRATOR))
                        .with(csrf()))
                .andReturn();
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
        String email = "cli-" + System.nanoTime() + "@staff.example";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CreateAdminCommand.run(
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

        int again = CreateAdminCommand.run(
                context,
                new String[] {"create-admin", "--email", email, "--name", "Again"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(again).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Another staff member has that email");
        assertThat(CreateAdminCommand.run(
                        context,
                        new String[] {"create-admin", "--name", "No Email"},
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
    }

    private MvcResult signIn(String email, String password, RequestPostProcessor address) throws Exception {
        return mvc.perform(post("/newsroom/sign-in")
                        .param("email", email)
                        .param("password", password)
                        .with(csrf())
                        .with(address))
                .andReturn();
    }
}

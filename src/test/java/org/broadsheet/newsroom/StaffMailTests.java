package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.web.TestCsrf.csrf;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleView;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.LiveSite;
import org.broadsheet.testkit.Site;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.StaffMembers;
import org.broadsheet.testkit.TestMail;
import org.broadsheet.testkit.Unique;
import org.broadsheet.web.PageChecks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Staff mail as staff meet it, with a real SMTP server (GreenMail): invitations, password links
 * an administrator sends, "Forgot your password?", and notices of comments awaiting
 * moderation. Links in mail are followed with a plain HTTP client against the running site,
 * up to signing in with the password chosen there.
 */
@TestMail.MailSite
class StaffMailTests extends SiteTest {

    @Autowired
    LiveSite live;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ModerationNotices notices;

    @Test
    void anInvitationIsMailedAndItsLinkSetsAPasswordToSignInWith() throws Exception {
        String email = Unique.email("invited");
        MvcResult invited = site.exchange(
                Site.form("/newsroom/users", "email=" + email, "name=Ines Okafor", "role=author", "author=")
                        .with(csrf())
                        .with(staff.as(Role.ADMINISTRATOR)));
        assertThat(invited.getResponse().getStatus()).isEqualTo(303);
        assertThat(invited.getFlashMap().values())
                .singleElement()
                .asString()
                .contains("Ines Okafor was added and sent");
        assertThat(invited.getResponse().getContentAsString()).doesNotContain("/newsroom/password/");

        MimeMessage mail = TestMail.awaitOne(email);
        assertThat(mail.getSubject()).isEqualTo("You are invited to the Broadsheet newsroom");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(TestMail.body(mail))
                .startsWith("Hello Ines Okafor,\n")
                .contains("newsroom, as author.")
                .contains("The link works once, within 7 days.");
        assertThat(TestMail.link(mail)).matches("https://news\\.example/newsroom/password/[A-Za-z0-9_-]{43}");

        String password = "a long new passphrase";
        setPasswordThroughTheLink(TestMail.linkPath(mail), password);
        assertThat(signInOverHttp(email, password)).isEqualTo("/newsroom");
        assertThat(live.get(TestMail.linkPath(mail)).statusCode())
                .as("used once")
                .isEqualTo(404);
    }

    @Test
    void anAdministratorsPasswordLinkIsMailedNotShown() throws Exception {
        StaffMembers.Member writer = staff.create(Role.AUTHOR);
        MockHttpServletResponse sent =
                site.perform(Site.form("/newsroom/users/" + writer.staff().id() + "/password-link")
                        .with(csrf())
                        .with(staff.as(Role.ADMINISTRATOR)));
        assertThat(sent.getStatus()).isEqualTo(303);
        assertThat(sent.getContentAsString()).doesNotContain("/newsroom/password/");

        MimeMessage mail = TestMail.awaitOne(writer.email());
        assertThat(TestMail.body(mail)).contains("within 7 days");
        setPasswordThroughTheLink(TestMail.linkPath(mail), "another long passphrase");
        assertThat(signInOverHttp(writer.email(), "another long passphrase")).isEqualTo("/newsroom");
    }

    @Test
    void forgotPasswordAnswersAlikeForKnownAndUnknownAddressesAndMailsOnlyTheKnown() throws Exception {
        StaffMembers.Member known = staff.create(Role.EDITOR);
        String unknown = Unique.email("nobody");

        MockHttpServletResponse forKnown = forgot(known.email(), Comments.ip());
        MockHttpServletResponse forUnknown = forgot(unknown, Comments.ip());
        assertThat(forKnown.getStatus()).isEqualTo(303).isEqualTo(forUnknown.getStatus());
        assertThat(forKnown.getRedirectedUrl())
                .isEqualTo("/newsroom/sign-in/forgot?sent")
                .isEqualTo(forUnknown.getRedirectedUrl());
        Document answer = live.page("/newsroom/sign-in/forgot?sent");
        assertThat(answer.select(".nr-flash").text()).startsWith("If that address belongs to a staff account");

        MimeMessage mail = TestMail.awaitOne(known.email());
        assertThat(mail.getSubject()).isEqualTo("Choose a new password for the Broadsheet newsroom");
        assertThat(TestMail.body(mail)).contains("within 1 hour").contains("your password stays as it is");
        assertThat(jdbc.sql("select count(*) from mail_queue where lower(recipient) = lower(?)")
                        .param(unknown)
                        .query(Long.class)
                        .single())
                .as("nothing queued for an address nobody has")
                .isZero();
        assertThat(jdbc.sql("""
                                select extract(epoch from expires_at - created_at)::int from staff_token
                                where staff_id = ? and used_at is null""").param(known.staff().id()).query(Integer.class).single())
                .as("a reset link lives an hour")
                .isEqualTo(3600);

        setPasswordThroughTheLink(TestMail.linkPath(mail), "a brand new passphrase");
        assertThat(signInOverHttp(known.email(), "a brand new passphrase")).isEqualTo("/newsroom");
        assertThat(signInOverHttp(known.email(), known.password()))
                .as("the old password no longer works")
                .isEqualTo("/newsroom/sign-in/refused");
    }

    @Test
    void forgotPasswordWithoutTheCsrfTokenIsRefusedAndSendsNothing() throws Exception {
        StaffMembers.Member known = staff.create(Role.AUTHOR);
        MockHttpServletResponse forged = site.perform(
                Site.form("/newsroom/sign-in/forgot", "email=" + known.email()).with(Comments.from(Comments.ip())));
        assertThat(forged.getStatus()).isEqualTo(403);
        assertThat(queuedFor(known.email())).isZero();
    }

    @Test
    void forgotPasswordIsRateLimitedPerAddressAndPerClient() throws Exception {
        StaffMembers.Member known = staff.create(Role.AUTHOR);
        for (int i = 0; i < 3; i++) {
            assertThat(forgot(known.email(), Comments.ip()).getStatus()).isEqualTo(303);
        }
        MockHttpServletResponse fourth = forgot(known.email(), Comments.ip());
        assertThat(fourth.getStatus()).isEqualTo(429);
        assertThat(fourth.getHeader("Retry-After")).isEqualTo("3600");
        assertThat(Jsoup.parse(fourth.getContentAsString())
                        .select(".nr-problem, [role=alert]")
                        .text())
                .contains("Too many requests");
        assertThat(queuedFor(known.email())).as("three mails, not four").isEqualTo(3);

        String client = Comments.ip();
        for (int i = 0; i < 10; i++) {
            assertThat(forgot(Unique.email("guess"), client).getStatus()).isEqualTo(303);
        }
        String last = Unique.email("guess");
        assertThat(forgot(last, client).getStatus())
                .as("the eleventh from one client")
                .isEqualTo(429);
    }

    @Test
    void theForgotPasswordPageIsValidHtml() throws Exception {
        byte[] page = site.get("/newsroom/sign-in/forgot").getContentAsByteArray();
        assertThat(Jsoup.parse(new String(page, StandardCharsets.UTF_8)).select("input[name=email]"))
                .hasSize(1);
        PageChecks.failIfAny(new PageChecks().htmlErrors("forgot password, mail set up", page));
        assertThat(site.page("/newsroom/sign-in")
                        .select("a[href=/newsroom/sign-in/forgot]")
                        .text())
                .isEqualTo("Forgot your password?");
    }

    @Test
    void editorsAreToldOfWaitingCommentsAtMostOnceAnIntervalAndOnlyOfNewOnes() throws Exception {
        StaffMembers.Member editor = staff.create(Role.EDITOR);
        StaffMembers.Member writer = staff.create(Role.AUTHOR);
        ArticleView article = commenting.article(Unique.name("Harbour dredging resumes"));
        comments.importComment(
                article.id(), Comments.comment("Ada", "Will the ferry run?"), CommentStatus.PENDING, Instant.now());

        notices.queueDue();
        MimeMessage mail = TestMail.awaitOne(editor.email());
        long waiting = comments.pendingCount();
        String what = waiting == 1 ? "1 comment awaits" : waiting + " comments await";
        assertThat(mail.getSubject()).isEqualTo(what + " moderation on Broadsheet");
        assertThat(TestMail.body(mail))
                .contains(what + " moderation on Broadsheet")
                .contains("https://news.example/newsroom/comments\n")
                .contains("at most once every 30 minutes");
        assertThat(queuedFor(writer.email())).as("authors may not moderate").isZero();

        comments.importComment(
                article.id(), Comments.comment("Bo", "And the buses?"), CommentStatus.PENDING, Instant.now());
        notices.queueDue();
        assertThat(queuedFor(editor.email())).as("within the interval").isEqualTo(1);

        jdbc.sql("update mail_queue set created_at = created_at - interval '31 minutes' where recipient = ?")
                .param(editor.email())
                .update();
        notices.queueDue();
        notices.queueDue();
        TestMail.await(editor.email(), 2);
        assertThat(queuedFor(editor.email())).isEqualTo(2);

        halfAnHourLater(editor.email(), article.id());
        notices.queueDue();
        assertThat(queuedFor(editor.email()))
                .as("no comment came since the last notice")
                .isEqualTo(2);
    }

    /** As if 31 minutes had passed for this editor's notices and this article's comments. */
    private void halfAnHourLater(String editor, long articleId) {
        jdbc.sql("update mail_queue set created_at = created_at - interval '31 minutes' where recipient = ?")
                .param(editor)
                .update();
        jdbc.sql("update comment set created_at = created_at - interval '31 minutes' where article_id = ?")
                .param(articleId)
                .update();
    }

    private MockHttpServletResponse forgot(String email, String ip) {
        return site.perform(Site.form("/newsroom/sign-in/forgot", "email=" + email)
                .with(csrf())
                .with(Comments.from(ip)));
    }

    private long queuedFor(String email) {
        return jdbc.sql("select count(*) from mail_queue where recipient = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    // ---- a browser without a page engine

    private HttpClient browser = LiveSite.browser();

    /** Opens a password link, chooses {@code password} there, and expects the sign-in page. */
    private void setPasswordThroughTheLink(String path, String password) throws Exception {
        browser = LiveSite.browser();
        String token = csrfField(path);
        HttpResponse<String> set =
                post(path, "password=" + enc(password) + "&confirm=" + enc(password) + "&_csrf=" + enc(token));
        assertThat(set.statusCode()).isEqualTo(303);
        assertThat(set.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/sign-in?password-set");
    }

    /** Signs in with the form; returns where the site sends the browser next. */
    private String signInOverHttp(String email, String password) throws Exception {
        browser = LiveSite.browser();
        String token = csrfField("/newsroom/sign-in");
        HttpResponse<String> answer = post(
                "/newsroom/sign-in", "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(token));
        return answer.headers()
                .firstValue("Location")
                .map(l -> l.replaceFirst("^https?://[^/]+", ""))
                .orElse(answer.statusCode() == 401 ? "/newsroom/sign-in/refused" : "status " + answer.statusCode());
    }

    private String csrfField(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(live.uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(page.body()).selectFirst("input[name=_csrf]").attr("value");
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(live.uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

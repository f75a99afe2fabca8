package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.web.TestCsrf.csrf;

import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.Site;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.annotation.Transactional;

/**
 * A site without {@code spring.mail.host} sends nothing: one-time links are shown on screen as
 * before, and "Forgot your password?" says to ask an administrator. The test rolls back.
 */
@BroadsheetTest
@Transactional
class NoMailTests extends SiteTest {

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutSmtpSettingsLinksAreShownAndNothingIsQueued() throws Exception {
        String email = Unique.email("unmailed");
        MockHttpServletResponse invited = site.perform(
                Site.form("/newsroom/users", "email=" + email, "name=Noor Haddad", "role=author", "author=")
                        .with(csrf())
                        .with(staff.as(Role.ADMINISTRATOR)));
        assertThat(invited.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(invited.getContentAsString())
                        .select("code.nr-link")
                        .text())
                .contains("/newsroom/password/");

        Document forgot = site.page("/newsroom/sign-in/forgot");
        assertThat(forgot.select("main p, .nr-sign-in p").text()).contains("This site does not send mail");
        assertThat(forgot.select("input[name=email]")).isEmpty();
        MockHttpServletResponse asked = site.perform(Site.form("/newsroom/sign-in/forgot", "email=" + email)
                .with(csrf())
                .with(Comments.from(Comments.ip())));
        assertThat(asked.getStatus()).isEqualTo(200);

        assertThat(accounts.mailsLinks()).isFalse();
        assertThat(jdbc.sql("select count(*) from mail_queue where recipient = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}

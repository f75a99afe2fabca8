package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.web.TestCsrf.csrf;

import org.broadsheet.testkit.BrowserTest;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.Site;
import org.broadsheet.testkit.TestMail;
import org.broadsheet.testkit.Unique;
import org.broadsheet.web.BrowserSession;
import org.broadsheet.web.PageChecks;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The "Forgot your password?" pages as they are when mail is set up (the form, the answer,
 * the refusal when over the limit), checked by the Nu HTML Checker and axe-core, as
 * {@link NewsroomPageChecksTests} checks the page without mail.
 */
@TestMail.MailSite
class StaffMailPageChecksTests extends BrowserTest {

    private final PageChecks checks = new PageChecks();
    private final BrowserSession browser = browsers.withJavaScript();

    @Test
    void forgotPasswordPages() throws Exception {
        byte[] form = site.get("/newsroom/sign-in/forgot").getContentAsByteArray();
        checks.assertPasses("forgot password form", form, browser.load(live.uri("/newsroom/sign-in/forgot")));

        byte[] sent = live.get("/newsroom/sign-in/forgot?sent").body();
        checks.assertPasses(
                "forgot password, link on its way", sent, browser.load(live.uri("/newsroom/sign-in/forgot?sent")));

        String client = Comments.ip();
        MockHttpServletResponse refused = null;
        for (int i = 0; i < 11; i++) {
            refused = site.perform(Site.form("/newsroom/sign-in/forgot", "email=" + Unique.email("checked"))
                    .with(csrf())
                    .with(Comments.from(client)));
        }
        assertThat(refused.getStatus()).isEqualTo(429);
        PageChecks.failIfAny(checks.htmlErrors("forgot password, too many", refused.getContentAsByteArray()));
    }
}

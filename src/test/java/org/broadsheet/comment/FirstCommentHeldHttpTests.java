package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.testkit.Comments.visitor;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The comment form over real HTTP on a site that holds a commenter's first comment and has a
 * blocklist ({@link FirstCommentHeldSite}, a context of its own: a real server cannot roll a
 * policy change back).
 */
@FirstCommentHeldSite
@ExtendWith(OutputCaptureExtension.class)
class FirstCommentHeldHttpTests extends SiteTest {

    @LocalServerPort
    int port;

    @Test
    void commentersEmailsAppearInNoPageAndNoLogLine(CapturedOutput output) throws Exception {
        assertThat(policies.current().moderation()).isEqualTo(Moderation.FIRST);
        assertThat(policies.current().blocklist()).containsExactly("spam-word");
        ArticleView article = commenting.article("Privacy of emails");
        List<String> emails = new ArrayList<>();
        HttpBrowser author = new HttpBrowser(port);
        author.get(article.url());
        for (String text : List.of("Held first comment", "Spam with spam-word")) {
            String email = Unique.slug("private") + "@secret.example";
            emails.add(email);
            HttpResponse<String> posted =
                    author.submit(Map.of("name", "Private Person", "email", email, "comment", text));
            assertThat(posted.statusCode()).isEqualTo(303);
            assertThat(posted.body()).doesNotContain(email);
            author.get(article.url());
        }
        String approvedEmail = Unique.slug("approved") + "@secret.example";
        emails.add(approvedEmail);
        long approved = comments.post(
                        article.id(),
                        new CommentForm("Open Person", approvedEmail, null, "Public words", null),
                        visitor())
                .id();
        comments.approve(approved);
        String staffEmail = Unique.slug("desk") + "@secret.example";
        emails.add(staffEmail);
        comments.replyAsStaff(approved, "The Desk", staffEmail, "Thank you");
        String replyEmail = Unique.slug("reply") + "@secret.example";
        emails.add(replyEmail);
        comments.approve(comments.post(
                        article.id(), new CommentForm("Replier", replyEmail, null, "A reply", approved), visitor())
                .id());

        HttpBrowser anyone = new HttpBrowser(port);
        List<String> pages = List.of(
                article.url(),
                article.url() + "?replytocom=" + approved,
                "/",
                "/page/1",
                "/americas",
                "/tag/diplomacy",
                "/author/daniel-reyes",
                "/no-such-page");
        for (String path : pages) {
            HttpResponse<String> response = anyone.get(path);
            for (String email : emails) {
                assertThat(response.body()).as(path).doesNotContain(email).doesNotContain(email.replace("@", "&#64;"));
            }
        }
        HttpResponse<String> own = author.get(article.url());
        assertThat(own.body()).as("the author's own held comments").contains("Held first comment");
        for (String email : emails) {
            assertThat(own.body()).doesNotContain(email);
            assertThat(output.getAll()).as("logs").doesNotContain(email);
        }
    }
}

package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleView;
import org.broadsheet.comment.CommentForm;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Visitor;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderation queue through the newsroom's pages, as staff use it, and what readers then
 * see on the article page. Each test comments on a story of its own under the test site's open
 * policy, and rolls back, so its held comments never wait in another test's queue.
 */
@BroadsheetTest
@Transactional
class ModerationPagesTests extends SiteTest {

    private ArticleView article() {
        return commenting.article("A story to moderate");
    }

    private long held(ArticleView article, String text) {
        return comments.importComment(
                        article.id(), Comments.comment("Held Reader", text), CommentStatus.PENDING, Instant.now())
                .id();
    }

    private long approved(ArticleView article, String text) {
        return comments.importComment(
                        article.id(), Comments.comment("Public Reader", text), CommentStatus.APPROVED, Instant.now())
                .id();
    }

    private String readerPage(ArticleView article) throws Exception {
        MockHttpServletResponse response = site.get(article.url());
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpServletResponse as(Role role, MockHttpServletRequestBuilder request) {
        return site.perform(request.with(staff.as(role)));
    }

    private MockHttpServletResponse submit(Role role, String url, String... fields) {
        return site.submit(url, staff.as(role), fields);
    }

    private MockHttpServletResponse act(Role role, long id, String action) {
        return submit(role, "/newsroom/comments/" + id + "/" + action);
    }

    private Document staffPage(Role role, String url) throws Exception {
        MockHttpServletResponse response = site.get(url, staff.as(role));
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        return Jsoup.parse(response.getContentAsString());
    }

    private CommentStatus status(long id) {
        return comments.comment(id).orElseThrow().status();
    }

    @Test
    void approvedCommentAppearsOnTheArticlePage() throws Exception {
        ArticleView article = article();
        String text = Unique.name("Waiting to be seen");
        long id = held(article, text);
        assertThat(readerPage(article)).doesNotContain(text);

        MvcResult done = site.exchange(
                post("/newsroom/comments/" + id + "/approve").with(csrf()).with(staff.as(Role.EDITOR)));
        assertThat(done.getResponse().getStatus()).isEqualTo(303);
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/comments");
        assertThat(done.getFlashMap().values()).containsExactly("Comment approved.");
        assertThat(readerPage(article)).contains(text);
    }

    @Test
    void spamAndTrashTakeACommentOffTheArticlePageAndRestoreBringsItBack() throws Exception {
        ArticleView article = article();
        String text = Unique.name("Public for now");
        long id = approved(article, text);
        assertThat(readerPage(article)).contains(text);

        act(Role.EDITOR, id, "spam");
        assertThat(readerPage(article)).doesNotContain(text);
        act(Role.EDITOR, id, "restore");
        assertThat(readerPage(article)).contains(text);
        act(Role.EDITOR, id, "trash");
        assertThat(readerPage(article)).doesNotContain(text);
        assertThat(status(id)).isEqualTo(CommentStatus.TRASH);
        act(Role.EDITOR, id, "delete");
        assertThat(comments.comment(id)).isEmpty();
    }

    @Test
    void anActionLandsBackOnTheQueueAsItWas() throws Exception {
        ArticleView article = article();
        long id = held(article, Unique.name("Back to the tab"));
        MockHttpServletResponse done =
                submit(Role.EDITOR, "/newsroom/comments/" + id + "/trash", "status=all", "q=tab words", "page=2");
        assertThat(done.getRedirectedUrl()).isEqualTo("/newsroom/comments?status=all&q=tab%20words&page=2");
        assertThat(submit(Role.EDITOR, "/newsroom/comments/" + id + "/restore", "back=comment")
                        .getRedirectedUrl())
                .isEqualTo("/newsroom/comments/" + id);
        assertThat(act(Role.EDITOR, id, "publish").getStatus())
                .as("no such action")
                .isEqualTo(404);
        assertThat(act(Role.EDITOR, 987_654_321L, "approve").getStatus()).isEqualTo(404);
    }

    @Test
    void bulkActionsApplyToEveryTickedCommentOrToNone() throws Exception {
        ArticleView article = article();
        String word = Unique.word("bulkword");
        long a = held(article, "First " + word);
        long b = held(article, "Second " + word);
        long c = held(article, "Third " + word);

        MockHttpServletResponse done =
                submit(Role.EDITOR, "/newsroom/comments/bulk", "action=approve", "ids=" + a, "ids=" + b);
        assertThat(done.getStatus()).isEqualTo(303);
        String page = readerPage(article);
        assertThat(page).contains("First " + word, "Second " + word).doesNotContain("Third " + word);

        MockHttpServletResponse refused =
                submit(Role.EDITOR, "/newsroom/comments/bulk", "action=trash", "ids=" + a, "ids=" + c, "ids=987654321");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.getContentAsString())
                        .selectFirst(".nr-problem[role=alert]")
                        .text())
                .contains("987654321 no longer exists", "nothing was changed");
        assertThat(status(a)).isEqualTo(CommentStatus.APPROVED);
        assertThat(status(c)).isEqualTo(CommentStatus.PENDING);

        MockHttpServletResponse noAction = submit(Role.EDITOR, "/newsroom/comments/bulk", "action=", "ids=" + c);
        assertThat(noAction.getStatus()).isEqualTo(422);
        assertThat(noAction.getContentAsString()).contains("Choose what to do with the selected comments");
        MockHttpServletResponse notAnId =
                submit(Role.EDITOR, "/newsroom/comments/bulk", "action=spam", "ids=12; drop table comment");
        assertThat(notAnId.getStatus()).isEqualTo(422);
        assertThat(status(c)).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void staffSeeEmailAndAddressThatReadersNeverSee() throws Exception {
        ArticleView article = article();
        String word = Unique.word("privateword");
        String email = Comments.email();
        String ip = Comments.ip();
        long id = comments.post(
                        article.id(),
                        new CommentForm(
                                "Open Reader", email, "https://open-reader.example/", "Visible words " + word, null),
                        new Visitor(ip, "Mozilla/5.0 (Private agent)"))
                .id();
        assertThat(status(id)).isEqualTo(CommentStatus.APPROVED);

        Document queue = staffPage(Role.EDITOR, "/newsroom/comments?status=all&q=" + word);
        assertThat(queue.select(".nr-comments tbody tr")).hasSize(1);
        assertThat(queue.selectFirst(".nr-commenter").text()).contains(email, ip);
        assertThat(queue.selectFirst(".nr-comment a").attr("href")).isEqualTo(article.url());
        Document one = staffPage(Role.EDITOR, "/newsroom/comments/" + id);
        assertThat(one.select(".nr-facts").text())
                .contains(email, ip, "Mozilla/5.0 (Private agent)", "https://open-reader.example/");

        String publicPage = readerPage(article);
        assertThat(publicPage)
                .contains("Visible words " + word)
                .doesNotContain(email)
                .doesNotContain(ip)
                .doesNotContain("Private agent");
    }

    @Test
    void contributorsAndAuthorsCannotModerateEvenByDirectPost() throws Exception {
        ArticleView article = article();
        long id = held(article, Unique.name("Not for them"));
        for (Role role : new Role[] {Role.CONTRIBUTOR, Role.AUTHOR}) {
            assertThat(as(role, get("/newsroom/comments")).getStatus())
                    .as(role.key())
                    .isEqualTo(403);
            assertThat(as(role, get("/newsroom/comments/" + id)).getStatus()).isEqualTo(403);
            assertThat(act(role, id, "approve").getStatus()).isEqualTo(403);
            assertThat(act(role, id, "delete").getStatus()).isEqualTo(403);
            assertThat(submit(role, "/newsroom/comments/bulk", "action=approve", "ids=" + id)
                            .getStatus())
                    .isEqualTo(403);
            assertThat(submit(role, "/newsroom/comments/" + id, "name=X", "email=x@example.org", "comment=Changed")
                            .getStatus())
                    .isEqualTo(403);
            assertThat(submit(role, "/newsroom/comments/" + id + "/reply", "reply=Hi")
                            .getStatus())
                    .isEqualTo(403);
        }
        assertThat(comments.comment(id).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
        assertThat(comments.comment(id).orElseThrow().text()).startsWith("Not for them");
        assertThat(site.perform(post("/newsroom/comments/" + id + "/approve").with(csrf()))
                        .getStatus())
                .as("signed out")
                .isIn(302, 401, 403);
        assertThat(status(id)).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void aCorrectionShowsOnTheArticleAndBadFieldsAreShownAgain() throws Exception {
        ArticleView article = article();
        long id = approved(article, Unique.name("Teh typo"));
        MockHttpServletResponse saved = submit(
                Role.EDITOR,
                "/newsroom/comments/" + id,
                "name=Public Reader",
                "email=fixed@example.org",
                "website=",
                "comment=The typo, corrected by the desk.");
        assertThat(saved.getStatus()).isEqualTo(303);
        assertThat(readerPage(article)).contains("The typo, corrected by the desk.");

        MockHttpServletResponse refused = submit(
                Role.EDITOR,
                "/newsroom/comments/" + id,
                "name=Public Reader",
                "email=not an email",
                "website=",
                "comment=Kept as typed");
        assertThat(refused.getStatus()).isEqualTo(422);
        Document form = Jsoup.parse(refused.getContentAsString());
        assertThat(form.selectFirst("#email").attr("aria-invalid")).isEqualTo("true");
        assertThat(form.selectFirst("#email").attr("aria-describedby")).isEqualTo("email-error");
        assertThat(form.selectFirst("#email-error").text()).contains("email address");
        assertThat(form.selectFirst("#comment").text()).isEqualTo("Kept as typed");
        assertThat(comments.comment(id).orElseThrow().email()).isEqualTo("fixed@example.org");
    }

    @Test
    void aStaffReplyIsPublishedAtOnceAndApprovesWhatItAnswers() throws Exception {
        ArticleView article = article();
        String question = Unique.name("Will you follow up?");
        long id = held(article, question);
        MockHttpServletResponse done =
                submit(Role.EDITOR, "/newsroom/comments/" + id + "/reply", "reply=Yes, next week.");
        assertThat(done.getStatus()).isEqualTo(303);
        Document page = Jsoup.parse(readerPage(article));
        assertThat(page.text())
                .contains(
                        question.strip(),
                        "Yes, next week.",
                        staff.member(Role.EDITOR).staff().name());

        MockHttpServletResponse empty = submit(Role.EDITOR, "/newsroom/comments/" + id + "/reply", "reply= ");
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(empty.getContentAsString())
                        .selectFirst("#reply-error")
                        .text())
                .isEqualTo("Reply is required");
    }

    @Test
    void queueOpensOnHeldCommentsWithCountsInItsTabsAndPagesThrough() throws Exception {
        ArticleView article = article();
        String word = Unique.word("tabword");
        for (int i = 0; i < 3; i++) {
            held(article, "Held " + i + " " + word);
        }
        approved(article, "Public " + word);

        Document pending = staffPage(Role.EDITOR, "/newsroom/comments?q=" + word);
        assertThat(pending.selectFirst(".nr-tabs a[aria-current=page]").text()).startsWith("Pending");
        assertThat(pending.select(".nr-comments tbody tr")).hasSize(3);
        assertThat(pending.select(".nr-tabs a").eachAttr("href"))
                .contains("/newsroom/comments?status=spam&q=" + word, "/newsroom/comments?status=all&q=" + word);
        String pendingCount =
                pending.selectFirst(".nr-tabs a[aria-current=page] .nr-count").text();
        assertThat(Long.parseLong(pendingCount)).isEqualTo(comments.pendingCount());
        assertThat(pending.selectFirst(".nr-badge").text()).startsWith(pendingCount);

        Document all = staffPage(Role.EDITOR, "/newsroom/comments?status=all&q=" + word);
        assertThat(all.select(".nr-comments tbody tr")).hasSize(4);
        assertThat(all.select(".nr-comments tbody tr").last().text()).contains("Public " + word);

        assertThat(as(Role.EDITOR, get("/newsroom/comments?status=everything")).getStatus())
                .isEqualTo(404);
        assertThat(as(Role.EDITOR, get("/newsroom/comments?page=0")).getStatus())
                .isEqualTo(404);
        Document beyond = staffPage(Role.EDITOR, "/newsroom/comments?status=all&q=" + word + "&page=9");
        assertThat(beyond.select(".nr-comments tbody tr"))
                .as("the last page there is")
                .hasSize(4);
    }
}

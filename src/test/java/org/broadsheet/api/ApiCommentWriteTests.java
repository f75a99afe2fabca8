package org.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.api.ApiJsonResponses.json;
import static org.broadsheet.api.ApiJsonResponses.problem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.ApiTokens;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleView;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.SiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Comments written through the API: a reader's comment under the form's own rules, with no
 * token, and moderation by the roles that may moderate, refused to the others with 403.
 */
@BroadsheetTest
@Transactional
class ApiCommentWriteTests extends SiteTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApiTokens tokens;

    private MockHttpServletResponse postComment(ArticleView story, Map<String, Object> body) {
        return site.perform(post("/api/v1/articles/" + story.id() + "/comments")
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))
                .with(Comments.from(Comments.ip())));
    }

    @Test
    void aReaderCommentNeedsNoTokenAndFollowsTheFormsRules() {
        ArticleView story = commenting.article("Posted through the API");
        Map<String, Object> body = Map.of("name", "Ada", "email", Comments.email(), "text", "Well argued.");
        MockHttpServletResponse posted = postComment(story, body);
        assertThat(posted.getStatus()).as(ApiJsonResponses.body(posted)).isEqualTo(201);
        assertThat(json(posted).get("status").asString()).isEqualTo("approved");
        assertThat(ApiJsonResponses.body(posted)).doesNotContain("@");

        problem(postComment(story, body), 409); // the same again: a duplicate
        var refused = problem(postComment(story, Map.of("name", "Ada", "text", "No email")), 422);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void aCommentOnNoSuchStoryIs404() {
        MockHttpServletResponse response = site.perform(post("/api/v1/articles/999999999/comments")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"A\",\"email\":\"a@b.example\",\"text\":\"Hi\"}"));
        problem(response, 404);
    }

    @Test
    void editorsAndAdministratorsModerateAndOthersAreRefused() {
        ArticleView story = commenting.article("Moderated through the API");
        for (Role role : Role.values()) {
            long id = comments.post(story.id(), Comments.comment("Reader", "Held " + role), Comments.visitor())
                    .id();
            MockHttpServletResponse answer = moderate(id, "spam", Bearer.of(staff, tokens, role));
            CommentStatus now = comments.comment(id).orElseThrow().status();
            if (role == Role.EDITOR || role == Role.ADMINISTRATOR) {
                assertThat(answer.getStatus()).as(role.key()).isEqualTo(204);
                assertThat(now).as(role.key()).isEqualTo(CommentStatus.SPAM);
            } else {
                problem(answer, 403);
                assertThat(now).as(role.key()).isEqualTo(CommentStatus.APPROVED);
            }
        }
    }

    @Test
    void moderationNeedsATokenAndACookieIsNotOne() {
        ArticleView story = commenting.article("Moderated without a token");
        long id = comments.post(story.id(), Comments.comment("Reader", "Keep me"), Comments.visitor())
                .id();
        MockHttpServletResponse none = site.perform(post("/api/v1/comments/" + id + "/trash"));
        problem(none, 401);
        assertThat(none.getHeader("WWW-Authenticate")).startsWith("Bearer");
        problem(moderate(id, "trash", staff.as(Role.ADMINISTRATOR)), 401);
        assertThat(comments.comment(id).orElseThrow().status()).isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void approveAndTrashWork() {
        ArticleView story = commenting.article("Approved through the API");
        var editor = Bearer.of(staff, tokens, Role.EDITOR);
        long id = comments.post(story.id(), Comments.comment("Reader", "Spam?"), Comments.visitor())
                .id();
        comments.spam(id);
        assertThat(moderate(id, "approve", editor).getStatus()).isEqualTo(204);
        assertThat(comments.comment(id).orElseThrow().status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(moderate(id, "trash", editor).getStatus()).isEqualTo(204);
        assertThat(comments.comment(id).orElseThrow().status()).isEqualTo(CommentStatus.TRASH);
        problem(moderate(id, "delete", editor), 404);
        problem(moderate(999_999_999L, "approve", editor), 404);
    }

    private MockHttpServletResponse moderate(
            long id, String action, org.springframework.test.web.servlet.request.RequestPostProcessor who) {
        MockHttpServletRequestBuilder request = post("/api/v1/comments/" + id + "/" + action);
        return site.perform(request.with(who));
    }
}

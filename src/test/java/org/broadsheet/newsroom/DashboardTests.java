package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleWorkflow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The dashboard shows each person their own drafts, what waits for review, and what was published. */
@BroadsheetTest
class DashboardTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleWorkflow workflow;

    @Test
    void draftsReviewAndPublishedStories() throws Exception {
        StaffFixtures staff = new StaffFixtures(mvc, accounts);
        StaffFixtures.Member contributor = staff.create(Role.CONTRIBUTOR);
        long draft = articles.create(
                        form("Harbour toll plan drafted"), contributor.staff().id(), List.of())
                .id();
        long submitted = articles.create(
                        form("Ferry timetable review"), contributor.staff().id(), List.of())
                .id();
        workflow.submitForReview(submitted);

        Document mine = page(staff.signIn(contributor));
        assertThat(mine.select("section[aria-labelledby=drafts-heading] a").eachText())
                .contains("Harbour toll plan drafted");
        assertThat(mine.select("section[aria-labelledby=drafts-heading] a[href=/newsroom/articles/" + draft + "]"))
                .hasSize(1);
        assertThat(mine.select("section[aria-labelledby=review-heading] a").eachText())
                .containsExactly("Ferry timetable review");
        assertThat(mine.select("#pending-heading"))
                .as("contributors do not moderate")
                .isEmpty();

        Document editor = page(staff.as(Role.EDITOR));
        assertThat(editor.select("section[aria-labelledby=drafts-heading] a").eachText())
                .doesNotContain("Harbour toll plan drafted");
        assertThat(editor.select("section[aria-labelledby=review-heading] a").eachText())
                .contains("Ferry timetable review");
        assertThat(editor.select("section[aria-labelledby=published-heading] li"))
                .isNotEmpty();
        assertThat(editor.select("#pending-heading").text()).isEqualTo("Comments waiting");
    }

    private Document page(org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        return Jsoup.parse(mvc.perform(get("/newsroom").with(who))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static ArticleForm form(String headline) {
        return new ArticleForm(
                "dash-" + System.nanoTime(),
                headline,
                "A standfirst.",
                "Body text.",
                "americas",
                List.of("daniel-reyes"),
                List.of(),
                null);
    }
}

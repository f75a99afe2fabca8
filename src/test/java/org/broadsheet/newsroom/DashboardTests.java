package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.StaffMembers;
import org.broadsheet.testkit.Unique;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard shows each person their own drafts, what waits for review, and what was
 * published. The test's staff and stories roll back.
 */
@BroadsheetTest
@Transactional
class DashboardTests extends SiteTest {

    @Test
    void draftsReviewAndPublishedStories() {
        StaffMembers.Member contributor = staff.create(Role.CONTRIBUTOR);
        String drafted = Unique.name("Harbour toll plan drafted");
        String inReview = Unique.name("Ferry timetable review");
        long draft = stories.draft(stories.form(drafted), contributor);
        long submitted = stories.draft(stories.form(inReview), contributor);
        workflow.submitForReview(submitted);
        ArticleView published = stories.publish(stories.form(Unique.name("Quay reopens")), null);

        Document mine = site.page("/newsroom", staff.signIn(contributor));
        assertThat(mine.select("section[aria-labelledby=drafts-heading] a").eachText())
                .contains(drafted);
        assertThat(mine.select("section[aria-labelledby=drafts-heading] a[href=/newsroom/articles/" + draft + "]"))
                .hasSize(1);
        assertThat(mine.select("section[aria-labelledby=review-heading] a").eachText())
                .containsExactly(inReview);
        assertThat(mine.select("#pending-heading"))
                .as("contributors do not moderate")
                .isEmpty();

        Document editor = site.page("/newsroom", staff.as(Role.EDITOR));
        assertThat(editor.select("section[aria-labelledby=drafts-heading] a").eachText())
                .doesNotContain(drafted);
        assertThat(editor.select("section[aria-labelledby=review-heading] a").eachText())
                .contains(inReview);
        assertThat(editor.select("section[aria-labelledby=published-heading] li"))
                .isNotEmpty();
        assertThat(editor.select("section[aria-labelledby=published-heading] a").eachText())
                .as("the newest published story")
                .contains(published.headline());
        assertThat(editor.select("#pending-heading").text()).isEqualTo("Comments waiting");
    }
}

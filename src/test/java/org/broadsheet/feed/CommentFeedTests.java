package org.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.testkit.Comments.comment;
import static org.broadsheet.testkit.Comments.visitor;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.comment.CommentForm;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Visitor;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.SiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The feeds of approved comments, the site's and each article's: only what readers see on the
 * page, never a commenter's email or address. Each test comments on its own articles and rolls
 * back.
 */
@BroadsheetTest
@Transactional
class CommentFeedTests extends SiteTest {

    static final String ORIGIN = "http://localhost";

    ArticleView article(String headline) {
        return stories.publish(stories.form(headline), Instant.now().minusSeconds(1));
    }

    byte[] feed(String url) {
        MockHttpServletResponse response = site.get(url);
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsByteArray();
    }

    @Test
    void theSitesCommentFeedListsTheNewestApprovedCommentsAndNothingPrivate() {
        ArticleView story = article("Ferry timetable changes");
        String email = Comments.email();
        Visitor visitor = visitor();
        long approved = comments.post(
                        story.id(),
                        new CommentForm("Ada Quill", email, "https://ada.example/", "The 7:40 is gone.", null),
                        visitor)
                .id();
        long held = comments.importComment(
                        story.id(),
                        comment("Held Back", "Waiting for a moderator."),
                        CommentStatus.PENDING,
                        Instant.now())
                .id();
        long spam = comments.importComment(
                        story.id(), comment("Spam Bot", "Cheap tickets."), CommentStatus.SPAM, Instant.now())
                .id();

        for (String url : List.of("/comments/feed", "/comments/feed/atom")) {
            byte[] bytes = feed(url);
            String xml = new String(bytes, StandardCharsets.UTF_8);
            assertThat(xml)
                    .as(url)
                    .doesNotContain(email)
                    .doesNotContain("@example.org")
                    .doesNotContain(visitor.ip());
            SyndFeed feed = FeedReaders.rome(bytes);
            assertThat(feed.getTitle()).isEqualTo("Comments – Broadsheet");
            SyndEntry entry = feed.getEntries().get(0);
            assertThat(entry.getTitle()).isEqualTo("Comment on Ferry timetable changes by Ada Quill");
            assertThat(entry.getLink()).isEqualTo(ORIGIN + story.url() + "#comment-" + approved);
            assertThat(entry.getUri()).matches("tag:localhost,\\d{4}-\\d{2}-\\d{2}:comment:" + approved);
            assertThat(entry.getAuthor()).isEqualTo("Ada Quill");
            assertThat(
                            entry.getContents().isEmpty()
                                    ? entry.getDescription().getValue()
                                    : entry.getContents().get(0).getValue())
                    .contains("The 7:40 is gone.");
            assertThat(feed.getEntries())
                    .extracting(SyndEntry::getUri)
                    .noneMatch(id -> id.endsWith(":comment:" + held) || id.endsWith(":comment:" + spam));
            JsonNode parsed = FeedReaders.feedparser(bytes, site.get(url).getContentType());
            assertThat(parsed.get("entries").get(0).get("author").asString()).isEqualTo("Ada Quill");
        }
    }

    @Test
    void anArticlesCommentFeedListsOnlyItsOwnNewestFirst() {
        ArticleView story = article("Bridge closes for repairs");
        ArticleView other = article("Tunnel opens early");
        long first = comments.post(story.id(), comment("Bo", "How long for?"), visitor())
                .id();
        long reply = comments.post(story.id(), Comments.reply("Cy", "Six weeks.", first), visitor())
                .id();
        comments.post(other.id(), comment("Di", "About time."), visitor());

        for (String suffix : List.of("/feed", "/feed/atom")) {
            byte[] bytes = feed(story.url() + suffix);
            SyndFeed feed = FeedReaders.rome(bytes);
            assertThat(feed.getTitle()).isEqualTo("Comments on Bridge closes for repairs – Broadsheet");
            assertThat(feed.getEntries())
                    .extracting(SyndEntry::getLink)
                    .containsExactly(
                            ORIGIN + story.url() + "#comment-" + reply, ORIGIN + story.url() + "#comment-" + first);
            FeedReaders.feedparser(bytes, site.get(story.url() + suffix).getContentType());
        }
        assertThat(FeedTests.titles(feed(other.url() + "/feed")))
                .containsExactly("Comment on Tunnel opens early by Di");
    }

    @Test
    void aCommentTakenOffThePageLeavesTheFeedsAtOnce() {
        ArticleView story = article("Market hall reopens");
        long id = comments.post(story.id(), comment("Eve", "Lovely tiles."), visitor())
                .id();
        assertThat(FeedTests.titles(feed(story.url() + "/feed"))).hasSize(1);
        assertThat(FeedTests.titles(feed("/comments/feed"))).first().isEqualTo("Comment on Market hall reopens by Eve");

        comments.trash(id);

        assertThat(FeedTests.titles(feed(story.url() + "/feed"))).isEmpty();
        assertThat(FeedTests.titles(feed("/comments/feed"))).doesNotContain("Comment on Market hall reopens by Eve");
    }

    @Test
    void commentsOfAStoryTakenDownLeaveTheSitesFeedAndItsOwnIsGone() {
        ArticleView story = article("Pier survey published");
        comments.post(story.id(), comment("Fay", "Finally."), visitor());
        assertThat(FeedTests.titles(feed("/comments/feed")))
                .first()
                .isEqualTo("Comment on Pier survey published by Fay");

        workflow.unpublish(story.id());

        assertThat(FeedTests.titles(feed("/comments/feed"))).doesNotContain("Comment on Pier survey published by Fay");
        assertThat(site.status(story.url() + "/feed")).isEqualTo(404);
    }

    @Test
    void aHostileCommenterStaysTextInWellFormedFeeds() {
        ArticleView story = article("Quiet night at the docks");
        String name = "<b>\"Bob\" & 'Co'</b>";
        comments.post(story.id(), comment(name, "1 < 2 & \"quotes\" </script>"), visitor());

        for (String url : List.of(story.url() + "/feed", story.url() + "/feed/atom")) {
            byte[] bytes = feed(url);
            SyndEntry entry = FeedReaders.rome(bytes).getEntries().get(0);
            assertThat(entry.getTitle()).isEqualTo("Comment on Quiet night at the docks by " + name);
            assertThat(entry.getAuthor()).isEqualTo(name);
            FeedReaders.feedparser(bytes, site.get(url).getContentType());
        }
    }
}

package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.comment.CommentsInBrowser.comment;
import static org.broadsheet.comment.CommentsInBrowser.post;
import static org.broadsheet.comment.CommentsInBrowser.text;

import org.broadsheet.article.ArticleView;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A reader in headless Chromium on a site that holds a commenter's first comment
 * ({@link FirstCommentHeldSite}, a context of its own: a real server cannot roll a policy
 * change back), with JavaScript off for the author and on for a stranger.
 */
@FirstCommentHeldSite
class FirstCommentHeldBrowserTests extends CommentBrowserTest {

    @Test
    void heldCommentIsVisibleOnlyToItsAuthor() {
        assertThat(policies.current().moderation()).isEqualTo(Moderation.FIRST);
        ArticleView article = commenting.article("Council budget vote");
        WebDriver author = fresh(withoutJs, article);
        long id = post(author, "Petra Kovac", "My first word here.");

        WebElement held = comment(author, id);
        assertThat(held.findElement(By.cssSelector(".comment-awaiting")).getText())
                .isEqualTo("Your comment is awaiting moderation.");
        assertThat(text(author, id)).isEqualTo("My first word here.");
        assertThat(held.findElements(By.linkText("Reply")))
                .as("no replies to a held comment")
                .isEmpty();

        WebDriver stranger = fresh(withJs, article);
        assertThat(stranger.findElements(By.id("comment-" + id))).isEmpty();
        assertThat(stranger.findElement(By.tagName("body")).getText())
                .doesNotContain("My first word here.")
                .doesNotContain("awaiting moderation");
        assertThat(stranger.findElement(By.id("comments-heading")).getText()).isEqualTo("Be the first to comment");
    }
}

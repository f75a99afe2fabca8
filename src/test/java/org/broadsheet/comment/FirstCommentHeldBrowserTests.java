package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.comment.CommentsInBrowser.comment;
import static org.broadsheet.comment.CommentsInBrowser.fill;
import static org.broadsheet.comment.CommentsInBrowser.fresh;
import static org.broadsheet.comment.CommentsInBrowser.submitAndLand;
import static org.broadsheet.comment.CommentsInBrowser.text;

import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.Browsers;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.LiveSite;
import org.broadsheet.web.BrowserSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reader in headless Chromium on a site that holds a commenter's first comment
 * ({@link FirstCommentHeldSite}, a context of its own: a real server cannot roll a policy
 * change back), with JavaScript off for the author and on for a stranger.
 */
@FirstCommentHeldSite
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class FirstCommentHeldBrowserTests extends CommentTest {

    @Autowired
    LiveSite live;

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    private final BrowserSession withJs = browsers.withJavaScript();
    private final BrowserSession withoutJs = browsers.withoutJavaScript();

    @Test
    void heldCommentIsVisibleOnlyToItsAuthor() {
        assertThat(policies.current().moderation()).isEqualTo(Moderation.FIRST);
        ArticleView article = commenting.article("Council budget vote");
        WebDriver author = fresh(withoutJs, live.uri(article.url()));
        fill(author, "Petra Kovac", Comments.email(), "My first word here.");
        long id = submitAndLand(author);

        WebElement held = comment(author, id);
        assertThat(held.findElement(By.cssSelector(".comment-awaiting")).getText())
                .isEqualTo("Your comment is awaiting moderation.");
        assertThat(text(author, id)).isEqualTo("My first word here.");
        assertThat(held.findElements(By.linkText("Reply")))
                .as("no replies to a held comment")
                .isEmpty();

        WebDriver stranger = fresh(withJs, live.uri(article.url()));
        assertThat(stranger.findElements(By.id("comment-" + id))).isEmpty();
        assertThat(stranger.findElement(By.tagName("body")).getText())
                .doesNotContain("My first word here.")
                .doesNotContain("awaiting moderation");
        assertThat(stranger.findElement(By.id("comments-heading")).getText()).isEqualTo("Be the first to comment");
    }
}

package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.comment.CommentsInBrowser.SUBMIT;
import static org.broadsheet.comment.CommentsInBrowser.assertFormIsHome;
import static org.broadsheet.comment.CommentsInBrowser.comment;
import static org.broadsheet.comment.CommentsInBrowser.fill;
import static org.broadsheet.comment.CommentsInBrowser.post;
import static org.broadsheet.comment.CommentsInBrowser.script;
import static org.broadsheet.comment.CommentsInBrowser.submitAndLand;
import static org.broadsheet.comment.CommentsInBrowser.text;
import static org.broadsheet.comment.CommentsInBrowser.type;
import static org.broadsheet.comment.CommentsInBrowser.waitFor;

import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.Comments;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A reader in headless Chromium leaves comments and replies through the "Leave a Reply"
 * form, in one browser with JavaScript off (every step is a page load) and in another with
 * it on (Reply moves the form under the comment). Each test writes its own article and
 * starts without cookies. The test site's policy holds nothing back and has no form-time or
 * flood limits (every browser request comes from 127.0.0.1); tests of another policy are in
 * {@link FirstCommentHeldBrowserTests}.
 */
@BroadsheetTest
class CommentBrowserTests extends CommentBrowserTest {

    @Test
    void withoutJavaScriptACommentAndAReplyAreEachAPageLoadAway() {
        ArticleView article = commenting.article("Port strike ends");
        WebDriver page = fresh(withoutJs, article);
        assertThat(page.findElements(By.id("respond-home")))
                .as("comments.js must not run in this browser")
                .isEmpty();
        assertThat(page.findElement(By.id("reply-title")).getText()).isEqualTo("Leave a Reply");

        long id = post(page, "Nadia Haddad", "The dockers deserved this.");

        assertThat(page.getCurrentUrl()).isEqualTo(live.uri(article.url()) + "#comment-" + id);
        assertThat(text(page, id)).isEqualTo("The dockers deserved this.");
        assertThat(comment(page, id)
                        .findElement(By.cssSelector(".comment-author"))
                        .getText())
                .isEqualTo("Nadia Haddad");
        assertThat(page.findElement(By.id("comments-heading")).getText()).isEqualTo("1 Comment");

        comment(page, id).findElement(By.linkText("Reply")).click();
        waitFor(page).until(ExpectedConditions.urlContains("replytocom=" + id));

        assertThat(page.getCurrentUrl()).isEqualTo(live.uri(article.url()) + "?replytocom=" + id + "#respond");
        assertThat(page.findElement(By.id("reply-title")).getText()).isEqualTo("Reply to Nadia Haddad Cancel reply");
        assertThat(page.findElement(By.id("cancel-reply")).getDomProperty("href"))
                .isEqualTo(live.uri(article.url()) + "#respond");
        assertThat(page.findElement(By.id("comment-parent")).getDomProperty("value"))
                .isEqualTo(String.valueOf(id));

        long reply = post(page, "Owen Price", "Only after three weeks.");

        assertThat(reply).isNotEqualTo(id);
        assertThat(page.findElements(By.cssSelector("#comment-" + id + " > ol.comment-replies > #comment-" + reply)))
                .as("the reply is nested under its parent")
                .hasSize(1);
        assertThat(text(page, reply)).isEqualTo("Only after three weeks.");
        assertThat(page.findElement(By.id("comments-heading")).getText()).isEqualTo("2 Comments");
        assertThat(page.findElement(By.id("reply-title")).getText())
                .as("the form is for a new comment again")
                .isEqualTo("Leave a Reply");
    }

    @Test
    void withoutJavaScriptCancelReplyGoesBackToANewComment() {
        ArticleView article = commenting.article("Ferry timetable changes");
        WebDriver page = fresh(withoutJs, article);
        long id = post(page, "Iris Lund", "Winter sailings are too few.");
        comment(page, id).findElement(By.linkText("Reply")).click();
        waitFor(page).until(ExpectedConditions.urlContains("replytocom=" + id));

        page.findElement(By.linkText("Cancel reply")).click();
        waitFor(page).until(ExpectedConditions.not(ExpectedConditions.urlContains("replytocom")));

        assertThat(page.findElements(By.id("cancel-reply"))).isEmpty();
        assertFormIsHome(page);
    }

    @Test
    void withJavaScriptARememberedNameIsFilledInOnPagesTheCacheGivesEveryone() throws Exception {
        ArticleView first = commenting.article("Ferry timetable remembered");
        ArticleView next = commenting.article("Ferry fares remembered");
        assertThat(live.get(next.url()).statusCode())
                .as("kept by an anonymous reader first")
                .isEqualTo(200);

        WebDriver page = fresh(withJs, first);
        String email = Comments.email();
        fill(page, "Noor Haddad", email, "Will the winter timetable keep the early boat?");
        page.findElement(By.id("remember")).click();
        submitAndLand(page);

        WebDriver other = withJs.load(live.uri(next.url()));
        waitFor(other)
                .until(d -> "Noor Haddad".equals(d.findElement(By.id("author")).getDomProperty("value")));
        assertThat(other.findElement(By.id("email")).getDomProperty("value")).isEqualTo(email);
        assertThat(other.findElement(By.id("remember")).isSelected()).isTrue();
        assertThat(new String(live.get(next.url()).body(), java.nio.charset.StandardCharsets.UTF_8))
                .as("what the server sends names nobody")
                .doesNotContain("Noor Haddad")
                .doesNotContain(email);

        WebDriver noScript = withoutJs.load(live.uri(next.url()));
        assertThat(noScript.findElement(By.id("author")).getDomProperty("value"))
                .as("without JavaScript the form is empty")
                .isEmpty();
    }

    @Test
    void withJavaScriptReplyMovesTheFormUnderTheCommentWithoutLeavingThePage() {
        ArticleView article = commenting.article("Tram line approved");
        WebDriver page = fresh(withJs, article);
        long id = post(page, "Lena Vogel", "Finally, a tram to the harbour.");
        assertThat(text(page, id)).isEqualTo("Finally, a tram to the harbour.");
        waitFor(page).until(ExpectedConditions.presenceOfElementLocated(By.id("respond-home")));
        String url = page.getCurrentUrl();
        script(page, "window.broadsheetTestMarker = 'same page';");

        comment(page, id).findElement(By.linkText("Reply")).click();
        By underComment = By.cssSelector("#comment-" + id + " > article.comment-body + #respond");
        waitFor(page).until(ExpectedConditions.presenceOfElementLocated(underComment));

        assertThat(script(page, "return window.broadsheetTestMarker;"))
                .as("no page load")
                .isEqualTo("same page");
        assertThat(page.getCurrentUrl()).isEqualTo(url);
        assertThat(page.findElement(By.id("reply-title")).getText()).isEqualTo("Reply to Lena Vogel Cancel reply");
        assertThat(page.findElement(By.id("comment-parent")).getDomProperty("value"))
                .isEqualTo(String.valueOf(id));
        assertThat(page.switchTo().activeElement().getDomAttribute("id"))
                .as("focus is in the comment box")
                .isEqualTo("comment");

        page.findElement(By.id("cancel-reply")).click();
        waitFor(page).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#respond-home + #respond")));

        assertThat(page.findElements(underComment)).isEmpty();
        assertFormIsHome(page);
        assertThat(script(page, "return window.broadsheetTestMarker;")).isEqualTo("same page");

        comment(page, id).findElement(By.linkText("Reply")).click();
        waitFor(page).until(ExpectedConditions.presenceOfElementLocated(underComment));
        long reply = post(page, "Marek Nowak", "It will take five years.");

        assertThat(page.findElements(By.cssSelector("#comment-" + id + " > ol.comment-replies > #comment-" + reply)))
                .as("the reply is nested under its parent")
                .hasSize(1);
        assertThat(text(page, reply)).isEqualTo("It will take five years.");
        assertThat(page.findElement(By.id("comments-heading")).getText()).isEqualTo("2 Comments");
    }

    @Test
    void withJavaScriptAReplyFormLoadedByItsAddressCancelsInPlace() {
        ArticleView article = commenting.article("Bridge reopens");
        WebDriver page = fresh(withJs, article);
        long id = post(page, "Sami Laine", "Two years late.");

        page = withJs.load(live.uri(article.url() + "?replytocom=" + id));
        waitFor(page).until(ExpectedConditions.presenceOfElementLocated(By.id("respond-home")));
        assertThat(page.findElement(By.id("reply-title")).getText()).isEqualTo("Reply to Sami Laine Cancel reply");

        page.findElement(By.id("cancel-reply")).click();
        waitFor(page).until(ExpectedConditions.textToBe(By.id("reply-title"), "Leave a Reply"));
        assertThat(page.findElement(By.id("comment-parent")).getDomProperty("value"))
                .isEmpty();
    }

    @Test
    void withoutJavaScriptAFieldTheServerRefusesIsMarkedAndTheTextIsKept() {
        ArticleView article = commenting.article("Museum extension");
        WebDriver page = fresh(withoutJs, article);
        String email = Comments.email();
        String typed = "Line one <em>not markup</em> & café\nLine two";
        // Spaces pass the browser's `required` check; the server refuses a blank name.
        fill(page, "   ", email, typed);
        page.findElement(SUBMIT).click();
        waitFor(page).until(ExpectedConditions.presenceOfElementLocated(By.id("name-error")));

        assertThat(page.findElement(By.cssSelector(".form-problem[role=alert]")).getText())
                .isEqualTo("Your comment was not posted. Please correct the fields marked below.");
        assertThat(page.findElement(By.id("name-error")).getText()).isEqualTo("Name is required");
        WebElement name = page.findElement(By.id("author"));
        assertThat(name.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(name.getDomAttribute("aria-describedby")).isEqualTo("name-error");
        assertThat(page.findElements(By.cssSelector(".field-error"))).hasSize(1);
        assertThat(page.findElement(By.id("comment")).getDomProperty("value")).isEqualTo(typed);
        assertThat(page.findElement(By.id("email")).getDomProperty("value")).isEqualTo(email);
        assertThat(page.findElement(By.id("comments-heading")).getText()).isEqualTo("Be the first to comment");

        type(page.findElement(By.id("author")), "Kasia Wolska");
        long id = submitAndLand(page);
        assertThat(text(page, id)).isEqualTo(typed);
    }

    @Test
    void aRefusedCommentOpensThePageAtTheFormAndItsProblem() {
        ArticleView article = longArticle("A long read on water rates");
        WebDriver page = fresh(withoutJs, article);
        fill(page, "   ", Comments.email(), "Where did the money go?");
        page.findElement(SUBMIT).click();
        waitFor(page).until(ExpectedConditions.presenceOfElementLocated(By.id("name-error")));

        assertThat(page.getCurrentUrl()).isEqualTo(live.uri("/comments") + "#respond");
        assertThat(script(
                        page,
                        "const r = document.querySelector('.form-problem').getBoundingClientRect();"
                                + " return r.top >= 0 && r.bottom <= window.innerHeight;"))
                .as("the problem is on screen, not below the article")
                .isEqualTo(true);
    }

    @Test
    void withJavaScriptMissingFieldsTheBrowserDidNotCatchAreMarkedByTheServer() {
        ArticleView article = commenting.article("Heatwave warning");
        WebDriver page = fresh(withJs, article);
        script(
                page,
                "document.querySelectorAll('#comment-form [required]').forEach(e => e.removeAttribute('required'));");
        fill(page, "", "", "Stay in the shade.");
        page.findElement(SUBMIT).click();
        waitFor(page).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".form-problem")));

        assertThat(page.findElement(By.id("name-error")).getText()).isEqualTo("Name is required");
        assertThat(page.findElement(By.id("email-error")).getText()).isEqualTo("Email is required");
        assertThat(page.findElement(By.id("email")).getDomAttribute("aria-describedby"))
                .isEqualTo("email-notes email-error");
        assertThat(page.findElements(By.id("comment-error"))).isEmpty();
        assertThat(page.findElement(By.id("comment")).getDomProperty("value")).isEqualTo("Stay in the shade.");
        assertThat(page.findElement(By.id("comments-heading")).getText()).isEqualTo("Be the first to comment");
    }

    // ---- helpers

    /** A public article long enough that its comment form starts well below the first screen. */
    private ArticleView longArticle(String headline) {
        return stories.publish(stories.form(headline).withBody("A paragraph to scroll past.\n\n".repeat(40)));
    }
}

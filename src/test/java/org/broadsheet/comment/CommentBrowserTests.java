package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.comment.Commenting.uniqueEmail;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleView;
import org.broadsheet.web.BrowserSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reader in headless Chromium leaves comments and replies through the "Leave a Reply"
 * form, in one browser with JavaScript off (every step is a page load) and in another with
 * it on (Reply moves the form under the comment). Each test writes its own article and
 * starts without cookies. The policy holds nothing back and has no form-time or flood limits
 * (every browser request comes from 127.0.0.1), unless a test says otherwise; it is put back
 * after each test.
 */
@BroadsheetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class CommentBrowserTests extends CommentingTest {

    private static final By SUBMIT = By.cssSelector("#comment-form button[type=submit]");

    @LocalServerPort
    int port;

    private BrowserSession withJs;
    private BrowserSession withoutJs;

    @BeforeAll
    void openBrowsers() {
        withJs = BrowserSession.open();
        withoutJs = BrowserSession.openWithoutJavaScript();
    }

    @AfterAll
    void closeBrowsers() {
        BrowserSession.closeAll(withJs, withoutJs);
    }

    @Test
    void withoutJavaScriptACommentAndAReplyAreEachAPageLoadAway() {
        ArticleView article = commenting.article("Port strike ends");
        WebDriver page = fresh(withoutJs, article);
        assertThat(page.findElements(By.id("respond-home")))
                .as("comments.js must not run in this browser")
                .isEmpty();
        assertThat(page.findElement(By.id("reply-title")).getText()).isEqualTo("Leave a Reply");

        fill(page, "Nadia Haddad", uniqueEmail(), "The dockers deserved this.");
        long id = submitAndLand(page);

        assertThat(page.getCurrentUrl()).isEqualTo(site(article.url()) + "#comment-" + id);
        assertThat(text(page, id)).isEqualTo("The dockers deserved this.");
        assertThat(comment(page, id)
                        .findElement(By.cssSelector(".comment-author"))
                        .getText())
                .isEqualTo("Nadia Haddad");
        assertThat(page.findElement(By.id("comments-heading")).getText()).isEqualTo("1 Comment");

        comment(page, id).findElement(By.linkText("Reply")).click();
        wait(page).until(ExpectedConditions.urlContains("replytocom=" + id));

        assertThat(page.getCurrentUrl()).isEqualTo(site(article.url()) + "?replytocom=" + id + "#respond");
        assertThat(page.findElement(By.id("reply-title")).getText()).isEqualTo("Reply to Nadia Haddad Cancel reply");
        assertThat(page.findElement(By.id("cancel-reply")).getDomProperty("href"))
                .isEqualTo(site(article.url()) + "#respond");
        assertThat(page.findElement(By.id("comment-parent")).getDomProperty("value"))
                .isEqualTo(String.valueOf(id));

        fill(page, "Owen Price", uniqueEmail(), "Only after three weeks.");
        long reply = submitAndLand(page);

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
        fill(page, "Iris Lund", uniqueEmail(), "Winter sailings are too few.");
        long id = submitAndLand(page);
        comment(page, id).findElement(By.linkText("Reply")).click();
        wait(page).until(ExpectedConditions.urlContains("replytocom=" + id));

        page.findElement(By.linkText("Cancel reply")).click();
        wait(page).until(ExpectedConditions.not(ExpectedConditions.urlContains("replytocom")));

        assertThat(page.findElement(By.id("reply-title")).getText()).isEqualTo("Leave a Reply");
        assertThat(page.findElements(By.id("cancel-reply"))).isEmpty();
        assertThat(page.findElement(By.id("comment-parent")).getDomProperty("value"))
                .isEmpty();
    }

    @Test
    void withJavaScriptReplyMovesTheFormUnderTheCommentWithoutLeavingThePage() {
        ArticleView article = commenting.article("Tram line approved");
        WebDriver page = fresh(withJs, article);
        fill(page, "Lena Vogel", uniqueEmail(), "Finally, a tram to the harbour.");
        long id = submitAndLand(page);
        assertThat(text(page, id)).isEqualTo("Finally, a tram to the harbour.");
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("respond-home")));
        String url = page.getCurrentUrl();
        script(page, "window.broadsheetTestMarker = 'same page';");

        comment(page, id).findElement(By.linkText("Reply")).click();
        By underComment = By.cssSelector("#comment-" + id + " > article.comment-body + #respond");
        wait(page).until(ExpectedConditions.presenceOfElementLocated(underComment));

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
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#respond-home + #respond")));

        assertThat(page.findElements(underComment)).isEmpty();
        assertThat(page.findElement(By.id("reply-title")).getText()).isEqualTo("Leave a Reply");
        assertThat(page.findElement(By.id("comment-parent")).getDomProperty("value"))
                .isEmpty();
        assertThat(script(page, "return window.broadsheetTestMarker;")).isEqualTo("same page");

        comment(page, id).findElement(By.linkText("Reply")).click();
        wait(page).until(ExpectedConditions.presenceOfElementLocated(underComment));
        fill(page, "Marek Nowak", uniqueEmail(), "It will take five years.");
        long reply = submitAndLand(page);

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
        fill(page, "Sami Laine", uniqueEmail(), "Two years late.");
        long id = submitAndLand(page);

        page = withJs.load(site(article.url() + "?replytocom=" + id));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("respond-home")));
        assertThat(page.findElement(By.id("reply-title")).getText()).isEqualTo("Reply to Sami Laine Cancel reply");

        page.findElement(By.id("cancel-reply")).click();
        wait(page).until(ExpectedConditions.textToBe(By.id("reply-title"), "Leave a Reply"));
        assertThat(page.findElement(By.id("comment-parent")).getDomProperty("value"))
                .isEmpty();
    }

    @Test
    void heldCommentIsVisibleOnlyToItsAuthor() {
        policies.update(Commenting.policy(policies.defaults(), Moderation.FIRST, Duration.ZERO, Duration.ZERO, 0));
        ArticleView article = commenting.article("Council budget vote");
        WebDriver author = fresh(withoutJs, article);
        fill(author, "Petra Kovac", uniqueEmail(), "My first word here.");
        long id = submitAndLand(author);

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

    @Test
    void withoutJavaScriptAFieldTheServerRefusesIsMarkedAndTheTextIsKept() {
        ArticleView article = commenting.article("Museum extension");
        WebDriver page = fresh(withoutJs, article);
        String email = uniqueEmail();
        String typed = "Line one <em>not markup</em> & café\nLine two";
        // Spaces pass the browser's `required` check; the server refuses a blank name.
        fill(page, "   ", email, typed);
        page.findElement(SUBMIT).click();
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("name-error")));

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
        fill(page, "   ", uniqueEmail(), "Where did the money go?");
        page.findElement(SUBMIT).click();
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("name-error")));

        assertThat(page.getCurrentUrl()).isEqualTo(site("/comments") + "#respond");
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
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".form-problem")));

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
        String slug = "comment-test-long-" + System.nanoTime() % 1_000_000_000L + "-" + Commenting.next();
        long id = articles.create(new ArticleForm(
                        slug,
                        headline,
                        "A standfirst for " + headline + ".",
                        "A paragraph to scroll past.\n\n".repeat(40),
                        "americas",
                        List.of("daniel-reyes"),
                        List.of("diplomacy"),
                        null))
                .id();
        workflow.publish(id, null);
        return reader.findById(id).orElseThrow();
    }

    private URI site(String path) {
        return URI.create("http://localhost:" + port).resolve(path);
    }

    /** The article in a browser without cookies: no session, no remembered name, no held comments. */
    private WebDriver fresh(BrowserSession browser, ArticleView article) {
        browser.clearCookies();
        return browser.load(site(article.url()));
    }

    private static void fill(WebDriver page, String name, String email, String text) {
        type(page.findElement(By.id("author")), name);
        type(page.findElement(By.id("email")), email);
        type(page.findElement(By.id("comment")), text);
    }

    private static void type(WebElement field, String value) {
        field.clear();
        if (!value.isEmpty()) {
            field.sendKeys(value);
        }
    }

    /** Posts the form and waits for the page the reader lands on; returns the comment id in its address. */
    private static long submitAndLand(WebDriver page) {
        String before = page.getCurrentUrl();
        page.findElement(SUBMIT).click();
        wait(page)
                .until(d ->
                        !d.getCurrentUrl().equals(before) && d.getCurrentUrl().matches(".*#comment-[0-9]+"));
        String fragment = URI.create(page.getCurrentUrl()).getFragment();
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id(fragment)));
        return Long.parseLong(fragment.substring("comment-".length()));
    }

    private static WebElement comment(WebDriver page, long id) {
        return page.findElement(By.cssSelector("#comment-" + id + " > article.comment-body"));
    }

    private static String text(WebDriver page, long id) {
        return comment(page, id).findElement(By.cssSelector(".comment-text")).getText();
    }

    private static Object script(WebDriver page, String js) {
        return ((JavascriptExecutor) page).executeScript(js);
    }

    private static WebDriverWait wait(WebDriver page) {
        return new WebDriverWait(page, Duration.ofSeconds(10), Duration.ofMillis(50));
    }
}

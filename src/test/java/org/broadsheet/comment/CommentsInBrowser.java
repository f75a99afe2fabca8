package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.broadsheet.testkit.Comments;
import org.broadsheet.web.BrowserSession;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a reader does with the comments of an article page in Chromium: fill in the form, send it, read a comment. */
final class CommentsInBrowser {

    static final By SUBMIT = By.cssSelector("#comment-form button[type=submit]");

    private CommentsInBrowser() {}

    /** The page in a browser without cookies: no session, no remembered name, no held comments. */
    static WebDriver fresh(BrowserSession browser, URI page) {
        browser.clearCookies();
        return browser.load(page);
    }

    static void fill(WebDriver page, String name, String email, String text) {
        type(page.findElement(By.id("author")), name);
        type(page.findElement(By.id("email")), email);
        type(page.findElement(By.id("comment")), text);
    }

    static void type(WebElement field, String value) {
        field.clear();
        if (!value.isEmpty()) {
            field.sendKeys(value);
        }
    }

    /** Fills the form as a commenter with a fresh address, posts it and returns the new comment's id. */
    static long post(WebDriver page, String name, String text) {
        fill(page, name, Comments.email(), text);
        return submitAndLand(page);
    }

    /** Asserts that the form is back in its place under the comments, answering nobody. */
    static void assertFormIsHome(WebDriver page) {
        assertThat(page.findElement(By.id("reply-title")).getText()).isEqualTo("Leave a Reply");
        assertThat(page.findElement(By.id("comment-parent")).getDomProperty("value"))
                .isEmpty();
    }

    /** Posts the form and waits for the page the reader lands on; returns the comment id in its address. */
    static long submitAndLand(WebDriver page) {
        String before = page.getCurrentUrl();
        page.findElement(SUBMIT).click();
        waitFor(page)
                .until(d ->
                        !d.getCurrentUrl().equals(before) && d.getCurrentUrl().matches(".*#comment-[0-9]+"));
        String fragment = URI.create(page.getCurrentUrl()).getFragment();
        waitFor(page).until(ExpectedConditions.presenceOfElementLocated(By.id(fragment)));
        return Long.parseLong(fragment.substring("comment-".length()));
    }

    static WebElement comment(WebDriver page, long id) {
        return page.findElement(By.cssSelector("#comment-" + id + " > article.comment-body"));
    }

    static String text(WebDriver page, long id) {
        return comment(page, id).findElement(By.cssSelector(".comment-text")).getText();
    }

    static Object script(WebDriver page, String js) {
        return ((JavascriptExecutor) page).executeScript(js);
    }

    static WebDriverWait waitFor(WebDriver page) {
        return new WebDriverWait(page, Duration.ofSeconds(10), Duration.ofMillis(50));
    }
}

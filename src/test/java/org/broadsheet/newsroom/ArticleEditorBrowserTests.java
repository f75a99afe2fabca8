package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.testkit.BrowserTest;
import org.broadsheet.testkit.StaffMembers;
import org.broadsheet.testkit.Unique;
import org.broadsheet.web.BrowserSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editor's script in Chromium: the story-reference picker inserts at the cursor; the
 * preview shows beside the form. A real server cannot roll back: the class signs in an editor
 * of its own and writes drafts with headlines of their own, which readers never see.
 */
@BroadsheetTest
class ArticleEditorBrowserTests extends BrowserTest {

    private final BrowserSession browser = browsers.withJavaScript();
    private StaffMembers.Member editor;

    @BeforeAll
    void signIn() {
        editor = staff.member(Role.EDITOR);
        StaffMembers.signInWithBrowser(browser.load(live.uri("/newsroom/sign-in")), live.uri("/"), editor);
    }

    /** A draft of the editor's in Europe, without tags or standfirst. */
    private long article(String headline, String body) {
        return stories.draft(
                stories.form(headline)
                        .withStandfirst("")
                        .withBody(body)
                        .withSection("europe")
                        .withTags(List.of()),
                editor);
    }

    @Test
    void thePickerInsertsAReferenceOnALineOfItsOwnAtTheCursor() {
        String word = Unique.word("pangolin");
        long target = article("Rescue of the " + word, "Text.\n");
        String slug = desk.forEditing(target).form().slug();
        long id = article(Unique.name("A story with a reference"), "Before.\nAfter.");

        WebDriver page = browser.load(live.uri("/newsroom/articles/" + id));
        WebElement body = page.findElement(By.id("body"));
        ((org.openqa.selenium.JavascriptExecutor) page)
                .executeScript("arguments[0].setSelectionRange(7, 7);", body); // just after "Before."
        page.findElement(By.id("picker-q")).sendKeys(word);
        page.findElement(By.cssSelector("#reference-picker button[type=submit]"))
                .click();
        WebElement insert = new WebDriverWait(page, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//div[@id='picker-results']//button[starts-with(., 'Insert related')]")));
        assertThat(page.getWindowHandles()).as("no new tab").hasSize(1);
        insert.click();

        assertThat(body.getDomProperty("value")).isEqualTo("Before.\n\n[[related: " + slug + "]]\n\nAfter.");
    }

    @Test
    void thePreviewShowsBesideTheFormWithWhatIsTyped() {
        long id = article(Unique.name("Preview in place"), "Saved text.\n");
        WebDriver page = browser.load(live.uri("/newsroom/articles/" + id));
        WebElement body = page.findElement(By.id("body"));
        body.clear();
        body.sendKeys("Typed, *not saved*.");
        page.findElement(By.id("preview-button")).click();
        WebElement emphasis = new WebDriverWait(page, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#preview-content .article-body em")));
        assertThat(emphasis.getText()).isEqualTo("not saved");
        assertThat(page.getWindowHandles()).hasSize(1);
        assertThat(page.findElements(By.cssSelector("h1"))).hasSize(1);
    }
}

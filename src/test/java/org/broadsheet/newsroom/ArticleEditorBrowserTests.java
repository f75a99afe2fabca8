package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleService;
import org.broadsheet.web.BrowserSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** The editor's script in Chromium: the story-reference picker inserts at the cursor; the preview shows beside the form. */
@BroadsheetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class ArticleEditorBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleDesk desk;

    private BrowserSession browser;
    private long editorId;

    @BeforeAll
    void signIn() {
        StaffFixtures.Member editor = new StaffFixtures(mvc, accounts).member(Role.EDITOR);
        editorId = editor.staff().id();
        browser = BrowserSession.open();
        StaffFixtures.signInWithBrowser(browser.load(site("/newsroom/sign-in")), site("/"), editor);
    }

    @AfterAll
    void close() {
        BrowserSession.closeAll(browser);
    }

    private long article(String headline, String body) {
        return articles.create(
                        new ArticleForm(null, headline, "", body, "europe", List.of("daniel-reyes"), List.of(), null),
                        editorId,
                        List.of())
                .id();
    }

    @Test
    void thePickerInsertsAReferenceOnALineOfItsOwnAtTheCursor() {
        String word = "pangolin" + System.nanoTime();
        long target = article("Rescue of the " + word, "Text.\n");
        String slug = desk.forEditing(target).form().slug();
        long id = article("A story with a reference", "Before.\nAfter.");

        WebDriver page = browser.load(site("/newsroom/articles/" + id));
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
        long id = article("Preview in place", "Saved text.\n");
        WebDriver page = browser.load(site("/newsroom/articles/" + id));
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

    private URI site(String path) {
        return URI.create("http://localhost:" + port).resolve(path);
    }
}

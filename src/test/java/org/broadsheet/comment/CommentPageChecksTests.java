package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.BrowserTest;
import org.broadsheet.testkit.Comments;
import org.broadsheet.web.BrowserSession;
import org.broadsheet.web.PageChecks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The states of the comments part of an article page, each checked by axe-core in headless
 * Chromium (WCAG 2.1 A/AA, with the page's script running) and by the W3C Nu HTML Checker
 * (on the HTML the server sends): threads three levels deep with a staff reply and a
 * commenter's website, comments closed, a later page of comments, the form replying to a
 * comment, and the form shown again with errors. Each test writes its own article (and, for
 * a later page, enough comments to fill the first) and leaves the policy alone.
 */
@BroadsheetTest
class CommentPageChecksTests extends BrowserTest {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final PageChecks checks = new PageChecks();
    private final BrowserSession browser = browsers.withJavaScript();

    @Test
    void threadedCommentsWithAStaffReplyAndAWebsitePassTheChecks() {
        ArticleView article = threadedArticle("Grain deal extended");
        byte[] html = get(article.url(), 200);

        Document doc = parse(html);
        assertThat(doc.select(".comment-body[data-depth=3]"))
                .as("a reply three levels deep")
                .isNotEmpty();
        assertThat(doc.select(".comment-staff .staff-badge").text()).isEqualTo("Staff");
        assertThat(doc.select(".comment-author a[href=https://ada.example.org/]")
                        .text())
                .isEqualTo("Ada Byrne");
        assertThat(doc.selectFirst("#comments-heading").text()).isEqualTo("5 Comments");
        assertThat(doc.selectFirst("#reply-title").text()).isEqualTo("Leave a Reply");

        assertPassesChecks("threaded comments", html, browser.load(live.uri(article.url())));
    }

    @Test
    void closedCommentsPassTheChecks() {
        ArticleView article = threadedArticle("Rail fares frozen");
        workflow.setCommentsOpen(article.id(), false);
        byte[] html = get(article.url(), 200);

        Document doc = parse(html);
        assertThat(doc.selectFirst(".comments-closed").text()).isEqualTo("Comments are closed.");
        assertThat(doc.select("#comment-form, .comment-reply-link")).isEmpty();
        assertThat(doc.selectFirst("#comments-heading").text()).isEqualTo("5 Comments");

        assertPassesChecks("comments closed", html, browser.load(live.uri(article.url())));
    }

    @Test
    void aLaterPageOfCommentsPassesTheChecks() {
        ArticleView article = commenting.article("Harbour dredging starts");
        int count = policies.current().perPage() + 1;
        for (int i = 1; i <= count; i++) {
            importComment(article, "Reader " + i, null, "Top-level comment number " + i + ".", null, count + 10 - i);
        }
        String path = article.url() + "?comment-page=2";
        byte[] html = get(path, 200);

        Document doc = parse(html);
        assertThat(doc.selectFirst(".comment-pages p").text()).isEqualTo("Page 2 of 2");
        assertThat(doc.selectFirst(".comment-pages a[rel=prev]").text()).isEqualTo("« Earlier comments");
        assertThat(doc.select(".comment-list > .comment .comment-text").text())
                .isEqualTo("Top-level comment number " + count + ".");

        assertPassesChecks("comment page 2", html, browser.load(live.uri(path)));
    }

    @Test
    void theFormReplyingToACommentPassesTheChecks() {
        ArticleView article = commenting.article("Wind farm consent");
        long parent = importComment(article, "Ines Duarte", null, "Who pays for the grid link?", null, 10);
        String path = article.url() + "?replytocom=" + parent;
        byte[] html = get(path, 200);

        Document doc = parse(html);
        assertThat(doc.selectFirst("#reply-title").text()).isEqualTo("Reply to Ines Duarte Cancel reply");
        assertThat(doc.selectFirst("#comment-parent").val()).isEqualTo(String.valueOf(parent));

        assertPassesChecks("reply form (replytocom)", html, browser.load(live.uri(path)));

        // The same form moved under the comment by comments.js: the DOM changed, not the HTML.
        WebDriver page = browser.load(live.uri(article.url()));
        page.findElement(By.cssSelector("#comment-" + parent + " .comment-reply-link"))
                .click();
        wait(page)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#comment-" + parent + " #respond")));
        PageChecks.failIfAny(PageChecks.axeViolations("reply form moved by comments.js", page));
    }

    @Test
    void theFormShownAgainWithErrorsPassesTheChecks() throws Exception {
        ArticleView article = commenting.article("Library hours cut");
        MockHttpServletResponse response = site.perform(commenting.form(
                article,
                "name=",
                "email=not-an-address",
                "website=",
                "parent=",
                "comment=Evening opening matters to students."));

        assertThat(response.getStatus()).isEqualTo(422);
        byte[] html = response.getContentAsByteArray();
        Document doc = parse(html);
        assertThat(doc.selectFirst("#name-error").text()).isEqualTo("Name is required");
        assertThat(doc.selectFirst("#email-error").text()).isEqualTo("Enter an email address like name@example.com");
        assertThat(doc.selectFirst("#comment").text()).isEqualTo("Evening opening matters to students.");

        WebDriver page = browser.load(live.uri(article.url()));
        page.findElement(By.id("author")).sendKeys("   ");
        page.findElement(By.id("email")).sendKeys(Comments.email());
        page.findElement(By.id("comment")).sendKeys("Evening opening matters to students.");
        page.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("name-error")));
        assertThat(page.findElement(By.cssSelector(".form-problem")).getText())
                .isEqualTo("Your comment was not posted. Please correct the fields marked below.");
        assertPassesChecks("form with errors", html, page);
    }

    // ---- the pages

    /**
     * An article with five comments: Ada (with a website) answered by Ben, answered by Cleo
     * (the third level), answered by the newsroom, and a second top-level comment.
     */
    private ArticleView threadedArticle(String headline) {
        ArticleView article = commenting.article(headline);
        long ada = importComment(
                article,
                "Ada Byrne",
                "https://ada.example.org/",
                "The deal keeps prices down. See https://example.org/grain for the figures.",
                null,
                50);
        long ben = importComment(article, "Ben Okoro", null, "Only for a year, though.", ada, 40);
        long cleo = importComment(
                article, "Cleo Martin", null, "A year is better than nothing.\n\nAnd it can be renewed.", ben, 30);
        comments.replyAsStaff(
                cleo,
                "Broadsheet Desk",
                "desk@broadsheet.example",
                "Thanks: we have added the renewal terms to the story.");
        importComment(article, "Dev Patel", null, "What about fertiliser exports?", null, 20);
        return article;
    }

    private long importComment(
            ArticleView article, String name, String website, String text, Long parentId, int secondsAgo) {
        return comments.importComment(
                        article.id(),
                        new CommentForm(name, Comments.email(), website, text, parentId),
                        CommentStatus.APPROVED,
                        Instant.now().minusSeconds(secondsAgo))
                .id();
    }

    // ---- the checks

    private void assertPassesChecks(String what, byte[] html, WebDriver shown) {
        checks.assertPasses(what, html, shown);
    }

    // ---- the site

    /** The page as the server sends it to a reader's browser, after checking its status. */
    private byte[] get(String path, int status) {
        HttpRequest request = HttpRequest.newBuilder(live.uri(path))
                .header("Accept", "text/html")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("status of %s", path).isEqualTo(status);
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted: GET " + path, e);
        }
    }

    private Document parse(byte[] html) {
        return Jsoup.parse(
                new String(html, StandardCharsets.UTF_8), live.uri("/").toString());
    }

    private static WebDriverWait wait(WebDriver page) {
        return new WebDriverWait(page, Duration.ofSeconds(10), Duration.ofMillis(50));
    }
}

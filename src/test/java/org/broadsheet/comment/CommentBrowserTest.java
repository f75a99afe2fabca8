package org.broadsheet.comment;

import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.Browsers;
import org.broadsheet.testkit.LiveSite;
import org.broadsheet.web.BrowserSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What tests of a reader commenting in headless Chromium start from, besides
 * {@link CommentTest}: the real server and the class's two browsers, one with JavaScript and
 * one without.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
abstract class CommentBrowserTest extends CommentTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Autowired
    protected LiveSite live;

    protected final BrowserSession withJs = browsers.withJavaScript();
    protected final BrowserSession withoutJs = browsers.withoutJavaScript();

    /** The article in a browser without cookies: no session, no remembered name, no held comments. */
    protected WebDriver fresh(BrowserSession browser, ArticleView article) {
        return CommentsInBrowser.fresh(browser, live.uri(article.url()));
    }
}

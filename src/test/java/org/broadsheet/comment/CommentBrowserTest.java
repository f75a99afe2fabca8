package org.broadsheet.comment;

import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.BrowserTest;
import org.broadsheet.web.BrowserSession;
import org.openqa.selenium.WebDriver;

/**
 * What tests of a reader commenting in headless Chromium start from, besides
 * {@link BrowserTest}: the class's two browsers, one with JavaScript and
 * one without.
 */
abstract class CommentBrowserTest extends BrowserTest {

    protected final BrowserSession withJs = browsers.withJavaScript();
    protected final BrowserSession withoutJs = browsers.withoutJavaScript();

    /** The article in a browser without cookies: no session, no remembered name, no held comments. */
    protected WebDriver fresh(BrowserSession browser, ArticleView article) {
        return CommentsInBrowser.fresh(browser, live.uri(article.url()));
    }
}

package org.broadsheet.testkit;

import org.broadsheet.web.BrowserSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's headless Chromium sessions, one with JavaScript and one without (a reader
 * who turned it off), and a second with JavaScript for a second person, each opened when
 * first asked for and closed after the class's tests:
 * <pre>
 * &#64;RegisterExtension
 * static final Browsers browsers = new Browsers();
 * private final BrowserSession withJs = browsers.withJavaScript();
 * </pre>
 */
public final class Browsers implements AfterAllCallback {

    private BrowserSession withJavaScript;
    private BrowserSession withoutJavaScript;
    private BrowserSession second;

    public synchronized BrowserSession withJavaScript() {
        if (withJavaScript == null) {
            withJavaScript = BrowserSession.open();
        }
        return withJavaScript;
    }

    public synchronized BrowserSession withoutJavaScript() {
        if (withoutJavaScript == null) {
            withoutJavaScript = BrowserSession.openWithoutJavaScript();
        }
        return withoutJavaScript;
    }

    /** A second session with JavaScript, for a second person (signed out, or someone else), opened when first used. */
    public synchronized BrowserSession second() {
        if (second == null) {
            second = BrowserSession.open();
        }
        return second;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        BrowserSession.closeAll(withJavaScript, withoutJavaScript, second);
        withJavaScript = null;
        withoutJavaScript = null;
        second = null;
    }
}

package org.broadsheet.testkit;

import org.broadsheet.web.BrowserSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's two headless Chromium sessions, one with JavaScript and one without (a
 * reader who turned it off), opened when first asked for and closed after the class's tests:
 * <pre>
 * &#64;RegisterExtension
 * static final Browsers browsers = new Browsers();
 * private final BrowserSession withJs = browsers.withJavaScript();
 * </pre>
 */
public final class Browsers implements AfterAllCallback {

    private BrowserSession withJavaScript;
    private BrowserSession withoutJavaScript;

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

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        BrowserSession.closeAll(withJavaScript, withoutJavaScript);
        withJavaScript = null;
        withoutJavaScript = null;
    }
}

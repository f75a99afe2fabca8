package org.broadsheet.testkit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What tests in headless Chromium start from, besides {@link SiteTest}: the real server
 * ({@link LiveSite}) and the class's {@link Browsers}, opened when first used and closed after
 * the class's tests. One instance serves all the class's tests, so a browser may stay signed
 * in from one test to the next; the tests carry the tag {@code browser}
 * ({@code mvn -B verify -Dgroups=browser} runs only them). A real server cannot roll back:
 * browser tests work on data of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
public abstract class BrowserTest extends SiteTest {

    @RegisterExtension
    protected static final Browsers browsers = new Browsers();

    @Autowired
    protected LiveSite live;
}

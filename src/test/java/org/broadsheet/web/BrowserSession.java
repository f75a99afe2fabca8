package org.broadsheet.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/**
 * A headless Chromium driven by Selenium, from the machine's packages (Debian's
 * {@code chromium} and {@code chromium-driver}); nothing is downloaded, Selenium Manager is
 * never asked. {@code CHROME_BIN} and {@code CHROMEDRIVER_BIN} override the paths. Each
 * session has a fresh profile, deleted on close. Open one per test class: start-up takes
 * a second or two. {@link #openWithoutJavaScript()} opens one that runs no page script, as
 * for a reader who turned JavaScript off. Public for the browser tests of other packages.
 */
public final class BrowserSession implements AutoCloseable {

    static final String PACKAGES = "chromium chromium-driver";

    private final String missing;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    /** A session without a browser: each use skips the calling test, saying why. */
    private BrowserSession(String missing) {
        this.missing = missing;
        this.service = null;
        this.driver = null;
        this.profile = null;
    }

    private BrowserSession(Path chromium, Path chromedriver, boolean javaScript) throws IOException {
        this.missing = null;
        this.profile = Files.createTempDirectory("broadsheet-chromium-");
        this.service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options(chromium, profile, javaScript));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /**
     * Starts the browser. When Chromium or its driver is missing, each test that uses the
     * session is skipped with the reason (printed once here too), or this fails when the
     * environment says {@code CI=true}, where a skipped accessibility check would go unnoticed.
     */
    public static BrowserSession open() {
        return open(true);
    }

    /**
     * Like {@link #open()}, but the pages' own scripts never run (Chromium's content setting
     * for JavaScript is "blocked"), so the session sees what a reader without JavaScript sees.
     * WebDriver's own scripts ({@code executeScript}) still run.
     */
    public static BrowserSession openWithoutJavaScript() {
        return open(false);
    }

    private static BrowserSession open(boolean javaScript) {
        Path chromium = Path.of(env("CHROME_BIN", "/usr/bin/chromium"));
        Path chromedriver = Path.of(env("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
        List<Path> missing = Stream.of(chromium, chromedriver)
                .filter(p -> !Files.isExecutable(p))
                .toList();
        if (!missing.isEmpty()) {
            String reason = "Browser tests need Chromium and ChromeDriver, but " + missing + " not found. "
                    + "Install them with `apt-get install -y " + PACKAGES + "` "
                    + "(or point CHROME_BIN and CHROMEDRIVER_BIN at them).";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + " CI=true, so this is a failure, not a skip.");
            }
            System.err.println("SKIPPING browser tests: " + reason);
            return new BrowserSession(reason);
        }
        try {
            return new BrowserSession(chromium, chromedriver, javaScript);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a page and waits for it to finish loading. */
    public WebDriver load(URI uri) {
        driver().get(uri.toString());
        return driver;
    }

    /** The console messages logged since the last call (each read once), as "LEVEL message". */
    public List<String> consoleMessages() {
        return driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage())
                .toList();
    }

    /** Forgets every cookie of every site, as a browser that never visited before. */
    public void clearCookies() {
        ((ChromeDriver) driver()).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    public WebDriver driver() {
        if (missing != null) {
            Assumptions.abort(missing);
        }
        return driver;
    }

    /** Closes each session that was opened (a null one is skipped). */
    public static void closeAll(BrowserSession... sessions) {
        for (BrowserSession session : sessions) {
            if (session != null) {
                session.close();
            }
        }
    }

    @Override
    public void close() {
        if (missing != null) {
            return;
        }
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private static ChromeOptions options(Path chromium, Path profile, boolean javaScript) {
        var options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--window-size=1280,1024",
                "--lang=en-GB",
                // No smooth scrolling: WebDriver clicks where an element is once scrolled to.
                "--force-prefers-reduced-motion",
                "--user-data-dir=" + profile);
        // The console, so tests can see what the page's CSP refused.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        return options;
    }

    private void deleteProfile() {
        // Best effort: a leftover temp directory is harmless.
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Chromium may still be removing its own files.
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

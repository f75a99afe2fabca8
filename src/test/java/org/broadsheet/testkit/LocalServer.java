package org.broadsheet.testkit;

import java.net.URI;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The test application's real server, for what has to go over HTTP: a browser, an
 * {@code HttpClient}, the servlet container's own limits. What it is sent works on committed
 * data only, so a test that uses it cannot roll back: it works on data no other test sees.
 * <pre>
 * WebDriver page = browser.load(server.uri("/newsroom/sign-in"));
 * </pre>
 */
@Component
public class LocalServer {

    private final Environment environment;

    LocalServer(Environment environment) {
        this.environment = environment;
    }

    /** {@code path} (with any query) on the running server: {@code http://localhost:<port>/newsroom}. */
    public URI uri(String path) {
        // Read at each call: the port is known only once the server has started.
        return URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port"))
                .resolve(path);
    }
}

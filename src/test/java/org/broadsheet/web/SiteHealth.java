package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.broadsheet.testkit.RawHttp;

/** After a storm of hostile requests: the site still serves a page, its database-backed search and the API. */
public final class SiteHealth {

    private SiteHealth() {}

    /**
     * The site's pages on {@code port}, and its health probe on the management port, each over a
     * connection of its own: what a new reader would get, whatever the storm left on its own.
     */
    public static void assertHealthy(int port, int managementPort) {
        try (RawHttp http = new RawHttp(port)) {
            for (String path : List.of("/", "/search?q=world", "/api/v1/articles")) {
                RawHttp.Answer answer = http.send(RawHttp.request("GET", path, List.of(), new byte[0]));
                assertThat(answer.status()).as("GET " + path + " afterwards").isEqualTo(200);
            }
        }
        try (RawHttp management = new RawHttp(managementPort)) {
            RawHttp.Answer health = management.send(RawHttp.request("GET", "/actuator/health", List.of(), new byte[0]));
            assertThat(health.status()).as("the health probe afterwards").isEqualTo(200);
            assertThat(health.text()).contains("\"status\":\"UP\"");
        }
    }
}

package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.broadsheet.testkit.RawHttp;

/** After a storm of hostile requests: the site still serves a page, its database-backed search and the API. */
public final class SiteHealth {

    private SiteHealth() {}

    /** The site's pages through {@code http}, and its health probe on the management port. */
    public static void assertHealthy(RawHttp http, int managementPort) {
        for (String path : List.of("/", "/search?q=world", "/api/v1/articles")) {
            RawHttp.Answer answer = http.send(RawHttp.request("GET", path, List.of(), new byte[0]));
            assertThat(answer.status()).as("GET " + path + " afterwards").isEqualTo(200);
        }
        try (RawHttp management = new RawHttp(managementPort)) {
            RawHttp.Answer health = management.send(RawHttp.request("GET", "/actuator/health", List.of(), new byte[0]));
            assertThat(health.status()).as("the health probe afterwards").isEqualTo(200);
            assertThat(health.text()).contains("\"status\":\"UP\"");
        }
    }
}

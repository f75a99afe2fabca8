package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.broadsheet.testkit.RawHttp;

/** After a storm of hostile requests: the site still serves a page, its database-backed search and the API. */
public final class SiteHealth {

    private SiteHealth() {}

    public static void assertHealthy(RawHttp http) {
        for (String path : List.of("/", "/search?q=world", "/api/v1/articles", "/actuator/health")) {
            RawHttp.Answer answer = http.send(RawHttp.request("GET", path, List.of(), new byte[0]));
            assertThat(answer.status()).as("GET " + path + " afterwards").isEqualTo(200);
        }
    }
}

package org.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;

import org.broadsheet.BroadsheetTest;
import org.broadsheet.testkit.SiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Pages of the configured origin ({@code https://app.example} in the test site) may read the
 * public API from a browser; other origins may not, writes are never open to any, and reader
 * pages send no CORS headers at all. A preflight may ask for the headers public reads need,
 * never for {@code Authorization}. The API keeps the site's security headers and sets no cookie.
 */
@BroadsheetTest
class ApiCorsTests extends SiteTest {

    private static final String ALLOWED = "https://app.example";

    @Test
    void theConfiguredOriginMayReadAndSeesTheLinkHeader() {
        MockHttpServletResponse response = site.perform(get("/api/v1/sections").header("Origin", ALLOWED));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(response.getHeader("Access-Control-Expose-Headers")).contains("Link", "ETag");
        assertThat(response.getHeader("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void anotherOriginIsRefused() {
        MockHttpServletResponse response =
                site.perform(get("/api/v1/sections").header("Origin", "https://elsewhere.example"));
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aPreflightForAWriteIsRefused() {
        MockHttpServletResponse response = site.perform(
                options("/api/v1/articles").header("Origin", ALLOWED).header("Access-Control-Request-Method", "POST"));
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(response.getStatus()).isEqualTo(403);
    }

    @Test
    void aPreflightForAConditionalReadIsAllowed() {
        MockHttpServletResponse response = site.perform(options("/api/v1/articles")
                .header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(response.getHeader("Access-Control-Allow-Headers")).containsIgnoringCase("if-none-match");
    }

    /** A page of another site may not send a token: it could read what the token's holder may. */
    @Test
    void aPreflightAskingToSendAuthorizationIsRefused() {
        MockHttpServletResponse response = site.perform(options("/api/v1/articles/1")
                .header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"));
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(response.getHeader("Access-Control-Allow-Headers")).isNull();
    }

    @Test
    void readerPagesSendNoCorsHeaders() {
        MockHttpServletResponse response = site.perform(get("/").header("Origin", ALLOWED));
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void theApiKeepsTheSecurityHeadersAndSetsNoCookie() {
        MockHttpServletResponse response = site.get("/api/v1/articles");
        assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(response.getCookies()).isEmpty();
        assertThat(response.getHeader("Set-Cookie")).isNull();
    }
}

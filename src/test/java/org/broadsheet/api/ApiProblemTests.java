package org.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.api.ApiJsonResponses.problem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.LiveSite;
import org.broadsheet.testkit.SiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * What a client gets for a request the API refuses: an RFC 9457 problem with the status that
 * belongs to it, a field list for bad parameters, and never a stack trace; and the reader site's
 * HTML error pages, unchanged, everywhere else.
 */
@BroadsheetTest
class ApiProblemTests extends SiteTest {

    @Autowired
    LiveSite live;

    private MockHttpServletResponse send(String url) {
        return site.perform(get(URI.create(url)));
    }

    @Test
    void anAbsurdCursorIsA400NamingTheCursor() {
        for (String cursor : new String[] {"nonsense", "djEuOTk5OTk5OTk5OTk5OTk5OTk5OS4x", "x".repeat(500), "%00"}) {
            JsonNode problem = problem(send("/api/v1/articles?cursor=" + cursor), 400);
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("cursor");
        }
    }

    @Test
    void invalidDatesLimitsAndUnknownFiltersAre400sWithTheirFields() {
        assertThat(field(send("/api/v1/articles?published_since=yesterday"))).isEqualTo("published_since");
        assertThat(field(send("/api/v1/articles?modified_since=2026-13-01T00:00:00Z")))
                .isEqualTo("modified_since");
        assertThat(field(send("/api/v1/articles?limit=0"))).isEqualTo("limit");
        assertThat(field(send("/api/v1/articles?limit=101"))).isEqualTo("limit");
        assertThat(field(send("/api/v1/articles?section=no-such-desk"))).isEqualTo("section");
        assertThat(field(send("/api/v1/articles?tag=no-such-tag"))).isEqualTo("tag");
        assertThat(field(send("/api/v1/search?q=tide&page=-3"))).isEqualTo("page");
    }

    private static String field(MockHttpServletResponse response) {
        return problem(response, 400).get("errors").get(0).get("field").asString();
    }

    @Test
    void unknownArticlesAndAddressesAre404Problems() {
        problem(send("/api/v1/articles/999999999999"), 404);
        problem(send("/api/v1/articles/not-a-number"), 404);
        problem(send("/api/v1/articles/-1"), 404);
        problem(send("/api/v1/articles/99999999999999999999999"), 404);
        problem(send("/api/v1/articles/by-slug/no-such-story-anywhere"), 404);
        problem(send("/api/v1/articles/999999999999/comments"), 404);
        problem(send("/api/v1/nothing-here"), 404);
        problem(send("/api/v2/articles"), 404);
    }

    @Test
    void aWrongMethodIsA405ProblemWithAllow() {
        MockHttpServletResponse response = site.perform(delete("/api/v1/sections"));
        problem(response, 405);
        assertThat(response.getHeader("Allow")).contains("GET");
    }

    @Test
    void anUnpublishedArticleIsA404ThatSaysNothingMore() {
        long draft = stories.draft(stories.form("Quiet draft"));
        JsonNode problem = problem(send("/api/v1/articles/" + draft), 404);
        assertThat(problem.toString()).doesNotContain("Quiet draft", "draft\"");
    }

    @Test
    void readerPagesKeepTheirHtmlErrorPages() {
        MockHttpServletResponse missing = send("/no-such-page-anywhere");
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentType()).startsWith("text/html");
        assertThat(ApiJsonResponses.body(missing)).contains("Page not found");
    }

    @Test
    void queriesThatAreNotUtf8AreRefusedWith400OverRealHttp() throws IOException, InterruptedException {
        ArticleView story = commenting.article("Bytes");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(live.uri("/api/v1/search?q=%C3%28%FF"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception");
        assertThat(fetch("/api/v1/articles/" + story.id()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(live.uri(path)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.ApiTokens;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.RawHttp;
import org.broadsheet.testkit.StaffMembers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A request body Tomcat cannot read (chunks that are not chunks) fails in the middle of the
 * filters, where the form is read for its token; Tomcat then hands the error to {@code /error}
 * past the security chain's header writer. The answer is still the site's 400 page with the
 * security headers (a problem under {@code /api/}), and nothing is stored.
 */
@BroadsheetTest
class BrokenBodyTests {

    @LocalServerPort
    int port;

    @Autowired
    Comments commenting;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    StaffMembers staff;

    @Test
    void aCommentWhoseChunksAreNotChunksGetsTheErrorPageWithTheSecurityHeaders() {
        ArticleView story = commenting.article("A story with a broken form posted to it");
        long before = comments();
        String body = "article=" + story.id() + "&name=Ada&email=ada%40example.org&text=Hello";
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Answer answer = http.send(("POST /comments HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n"
                            + "Origin: http://localhost:" + port + "\r\nSec-Fetch-Site: same-origin\r\n\r\n"
                            + "ZZ\r\n" + body + "\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(SecurityHeaderChecks.problems(answer)).isEmpty();
            assertThat(answer.header("content-type").orElse("")).startsWith("text/html");
            assertThat(Jsoup.parse(answer.text()).select("h1").text()).isEqualTo("Bad request");
            assertThat(answer.text()).doesNotContain("Exception", "Tomcat");
        }
        assertThat(comments()).isEqualTo(before);
        try (RawHttp http = new RawHttp(port)) {
            assertThat(http.send(RawHttp.request("GET", "/", List.of(), new byte[0]))
                            .status())
                    .as("the site afterwards")
                    .isEqualTo(200);
        }
    }

    @Test
    void anApiWriteWhoseChunksAreNotChunksIsAProblemWithTheSecurityHeaders() {
        String token = tokens.create(staff.create(Role.ADMINISTRATOR).staff(), "Broken bodies");
        long before = articles();
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Answer answer = http.send(("POST /api/v1/articles HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{\"headline\": \"Broken\"}\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(SecurityHeaderChecks.problems(answer)).isEmpty();
            assertThat(answer.header("content-type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.text()).contains("\"status\":400").doesNotContain("Exception", "Tomcat");
        }
        assertThat(articles()).isEqualTo(before);
    }

    private long comments() {
        return count("comment");
    }

    private long articles() {
        return count("article");
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return count == null ? 0 : count;
    }
}
